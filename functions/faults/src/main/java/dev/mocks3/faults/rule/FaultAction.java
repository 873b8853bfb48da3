package dev.mocks3.faults.rule;

import java.time.Duration;

/** What a rule does to a request it matches. Each action runs in one {@link Phase}. */
public sealed interface FaultAction {

    String type();

    Phase phase();

    /** Acts on the action whichever it is. */
    <R> R match(Cases<R> cases);

    /**
     * One method per action: code that acts on actions implements all of them, so the compiler
     * refuses a new action that some stage forgot (Java 17 has no pattern switch over sealed types).
     */
    interface Cases<R> {
        R httpError(HttpError action);

        R delay(Delay action);

        R throttle(Throttle action);

        R bandwidth(Bandwidth action);

        R reset(Reset action);

        R timeout(Timeout action);

        R truncate(Truncate action);

        R corrupt(Corrupt action);

        R staleRead(StaleRead action);

        R slowFirstByte(SlowFirstByte action);

        R slice(Slice action);
    }

    /** Answer with an S3 error document instead of (before) or in place of (after) the operation's answer. */
    record HttpError(int status, String code, String message, Phase phase) implements FaultAction {
        public String type() { return "http_error"; }
        public <R> R match(Cases<R> cases) { return cases.httpError(this); }
    }

    record Delay(DelaySpec delay, Phase phase) implements FaultAction {
        public String type() { return "delay"; }
        public <R> R match(Cases<R> cases) { return cases.delay(this); }
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
        public <R> R match(Cases<R> cases) { return cases.throttle(this); }
        public Phase phase() { return Phase.BEFORE; }
    }

    /** Stream the body at this rate: the response body (after), or the upload as it is read (before). */
    record Bandwidth(long bytesPerSecond, Phase phase) implements FaultAction {
        public String type() { return "bandwidth"; }
        public <R> R match(Cases<R> cases) { return cases.bandwidth(this); }
    }

    /** Close the connection abruptly; with {@code afterBytes}, once that many body bytes went through. */
    record Reset(Long afterBytes, Phase phase) implements FaultAction {
        public String type() { return "reset"; }
        public <R> R match(Cases<R> cases) { return cases.reset(this); }
    }

    /** Hold the request open for {@code after}, then drop the connection without an answer. */
    record Timeout(Duration after, Phase phase) implements FaultAction {
        public String type() { return "timeout"; }
        public <R> R match(Cases<R> cases) { return cases.timeout(this); }
    }

    /** Keep the promised Content-Length, send only {@code keepBytes} (or {@code ratio} of the body), then drop. */
    record Truncate(Long keepBytes, Double ratio) implements FaultAction {
        public String type() { return "truncate"; }
        public <R> R match(Cases<R> cases) { return cases.truncate(this); }
        public Phase phase() { return Phase.AFTER; }
    }

    /**
     * Flip {@code bytes} bytes of the body (at {@code offset}, else spread evenly) so checksums no longer
     * match; or, with target {@code etag}, answer a wrong ETag. Before: the upload is stored corrupted.
     */
    record Corrupt(CorruptTarget target, int bytes, Long offset, Phase phase) implements FaultAction {
        public String type() { return "corrupt"; }
        public <R> R match(Cases<R> cases) { return cases.corrupt(this); }
    }

    /** For {@code window} after a write of a key, reads and lists of that key see the state before the write. */
    record StaleRead(Duration window) implements FaultAction {
        public String type() { return "stale_read"; }
        public <R> R match(Cases<R> cases) { return cases.staleRead(this); }
        public Phase phase() { return Phase.AFTER; }
    }

    /** Hold back the first byte of the response body. */
    record SlowFirstByte(DelaySpec delay) implements FaultAction {
        public String type() { return "slow_first_byte"; }
        public <R> R match(Cases<R> cases) { return cases.slowFirstByte(this); }
        public Phase phase() { return Phase.AFTER; }
    }

    /** Send the body in chunks of {@code chunkSize} bytes with {@code pause} between them. */
    record Slice(int chunkSize, Duration pause, Phase phase) implements FaultAction {
        public String type() { return "slice"; }
        public <R> R match(Cases<R> cases) { return cases.slice(this); }
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
