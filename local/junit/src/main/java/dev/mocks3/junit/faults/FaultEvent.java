package dev.mocks3.junit.faults;

import java.time.Instant;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One fault one rule put into one request, as the event log ({@code /api/v1/events}) tells it.
 *
 * @param outcome what the client got, e.g. {@code 503 SlowDown} or {@code delayed 2000ms}
 * @param detail  the action's numbers (status, delay_ms, bytes, ...)
 */
public record FaultEvent(String id, Instant time, String ruleId, String ruleName, String requestId, String service,
                         String operation, String bucket, String key, String action, String phase, String outcome,
                         JsonNode detail) {

    static FaultEvent of(JsonNode json) {
        return new FaultEvent(text(json, "id"), Instant.parse(json.path("time").asText()), text(json, "rule_id"),
                text(json, "rule_name"), text(json, "request_id"), text(json, "service"), text(json, "operation"),
                text(json, "bucket"), text(json, "key"), text(json, "action"), text(json, "phase"),
                text(json, "outcome"), json.path("detail"));
    }

    /** The operation, bucket and key: what a retry of this request asks for again. */
    public String target() {
        return operation + " " + bucket + "/" + (key == null ? "" : key);
    }

    private static String text(JsonNode json, String field) {
        JsonNode value = json.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
