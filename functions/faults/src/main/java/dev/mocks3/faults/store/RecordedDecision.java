package dev.mocks3.faults.store;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import dev.mocks3.faults.engine.RequestFacts;

/**
 * One rule decision on one request as recorded and exported: the request (operation, bucket, key,
 * part, upload), which attempt at it this was, the draw and the seed, and whether the rule fired.
 *
 * @param draw the uniform draw compared with the rule's probability; null when a count condition
 *             decided before any draw
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RecordedDecision(
        @JsonProperty("time") Instant time,
        @JsonProperty("request_id") String requestId,
        @JsonProperty("rule_id") String ruleId,
        @JsonProperty("rule_version") long ruleVersion,
        @JsonProperty("operation") String operation,
        @JsonProperty("bucket") String bucket,
        @JsonProperty("key") String key,
        @JsonProperty("part_number") Integer partNumber,
        @JsonProperty("upload_id") String uploadId,
        @JsonProperty("attempt") long attempt,
        @JsonProperty("draw") Double draw,
        @JsonProperty("seed") long seed,
        @JsonProperty("fired") boolean fired) {

    /** What a replay looks a decision up by: the rule, the request and the attempt. */
    public String replayKey() {
        return replayKey(ruleId, RequestFacts.identity(operation, bucket, key, partNumber == null ? -1 : partNumber), attempt);
    }

    public static String replayKey(String ruleId, String identity, long attempt) {
        return ruleId + "\n" + identity + "\n" + attempt;
    }
}
