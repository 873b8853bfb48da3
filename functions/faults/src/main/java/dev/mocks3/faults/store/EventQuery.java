package dev.mocks3.faults.store;

import java.time.Instant;

/** Filters and page of {@code GET /api/v1/events}; null filters match everything. Newest first. */
public record EventQuery(String ruleId, String requestId, String operation, String bucket, String action,
                         Instant since, Instant until, int limit, long offset) {
}
