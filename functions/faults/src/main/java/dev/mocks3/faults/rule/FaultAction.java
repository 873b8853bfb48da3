package dev.mocks3.faults.rule;

import java.time.Duration;

/** What a rule does to a request it matches. Each action runs in one {@link Phase}. */
public sealed interface FaultAction {

    String type();

    Phase phase();

    /** Answer with an S3 error document instead of (before) or in place of (after) the operation's answer. */
    record HttpError(int status, String code, String message, Phase phase) implements FaultAction {
        public String type() { return "http_error"; }
    }

    record Delay(DelaySpec delay, Phase phase) implements FaultAction {
        public String type() { return "delay"; }
    }

    /**
     * A token bucket shared by every instance: {@code rate} requests per {@code interval} per scope
     * value; requests beyond it get {@code status code}. Always before the operation.
     *
     * @param prefixDepth for scope {@code prefix}: how many {@code /}-separated key segments make the prefix
     */
    record Throttle(long rate, Duration interval, ThrottleScope per, int prefixDepth, int status, String code,
                    String message) implements FaultAction {
        public String type() { return "throttle"; }
        public Phase phase() { return Phase.BEFORE; }
    }

    /** Stream the body at this rate: the response body (after), or the upload as it is read (before). */
    record Bandwidth(long bytesPerSecond, Phase phase) implements FaultAction {
        public String type() { return "bandwidth"; }
    }

    /** Close the connection abruptly; with {@code afterBytes}, once that many body bytes went through. */
    record Reset(Long afterBytes, Phase phase) implements FaultAction {
        public String type() { return "reset"; }
    }

    /** Hold the request open for {@code after}, then drop the connection without an answer. */
    record Timeout(Duration after, Phase phase) implements FaultAction {
        public String type() { return "timeout"; }
    }

    /** Keep the promised Content-Length, send only {@code keepBytes} (or {@code ratio} of the body), then drop. */
    record Truncate(Long keepBytes, Double ratio) implements FaultAction {
        public String type() { return "truncate"; }
        public Phase phase() { return Phase.AFTER; }
    }

    /**
     * Flip {@code bytes} bytes of the body (at {@code offset}, else spread evenly) so checksums no longer
     * match; or, with target {@code etag}, answer a wrong ETag. Before: the upload is stored corrupted.
     */
    record Corrupt(CorruptTarget target, int bytes, Long offset, Phase phase) implements FaultAction {
        public String type() { return "corrupt"; }
    }

    /** For {@code window} after a write of a key, reads and lists of that key see the state before the write. */
    record StaleRead(Duration window) implements FaultAction {
        public String type() { return "stale_read"; }
        public Phase phase() { return Phase.AFTER; }
    }

    /** Hold back the first byte of the response body. */
    record SlowFirstByte(DelaySpec delay) implements FaultAction {
        public String type() { return "slow_first_byte"; }
        public Phase phase() { return Phase.AFTER; }
    }

    /** Send the body in chunks of {@code chunkSize} bytes with {@code pause} between them. */
    record Slice(int chunkSize, Duration pause, Phase phase) implements FaultAction {
        public String type() { return "slice"; }
    }

    enum ThrottleScope {
        RULE, BUCKET, PREFIX, KEY, ACCESS_KEY;

        public String id() {
            return name().toLowerCase();
        }
    }

    enum CorruptTarget {
        BODY, ETAG;

        public String id() {
            return name().toLowerCase();
        }
    }
}
