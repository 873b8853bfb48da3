package dev.mocks3.events.fault;

import java.time.Instant;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Payload of {@code dev.mocks3.fault.injected}: one fault that one rule put into one request.
 * The same record is the row of the fault event log ({@code /api/v1/events}).
 *
 * @param phase   {@code before} (nothing was stored) or {@code after} (the operation ran, then the fault)
 * @param outcome what the client got, e.g. {@code 503 SlowDown}, {@code delayed 2000ms}, {@code reset after 1024 bytes}
 * @param detail  action-specific numbers (delay_ms, bytes, status, ...)
 * @param uploadId   the multipart upload the request belongs to, or null
 * @param partNumber the part number of an UploadPart (or a part GET), or null
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FaultInjected(
        @JsonProperty("id") String id,
        @JsonProperty("time") Instant time,
        @JsonProperty("rule_id") String ruleId,
        @JsonProperty("rule_name") String ruleName,
        @JsonProperty("request_id") String requestId,
        @JsonProperty("service") String service,
        @JsonProperty("operation") String operation,
        @JsonProperty("bucket") String bucket,
        @JsonProperty("key") String key,
        @JsonProperty("action") String action,
        @JsonProperty("phase") String phase,
        @JsonProperty("outcome") String outcome,
        @JsonProperty("detail") Map<String, Object> detail,
        @JsonProperty("upload_id") String uploadId,
        @JsonProperty("part_number") Integer partNumber) {

    public FaultInjected {
        detail = detail == null ? Map.of() : Map.copyOf(detail);
    }

    /** A fault on a request that belongs to no multipart upload. */
    public FaultInjected(String id, Instant time, String ruleId, String ruleName, String requestId, String service,
                         String operation, String bucket, String key, String action, String phase, String outcome,
                         Map<String, Object> detail) {
        this(id, time, ruleId, ruleName, requestId, service, operation, bucket, key, action, phase, outcome, detail, null, null);
    }
}
