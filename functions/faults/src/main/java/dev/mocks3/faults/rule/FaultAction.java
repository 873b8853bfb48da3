package dev.mocks3.faults.rule;

import java.time.Duration;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;

import dev.mocks3.core.error.S3Error;

/**
 * What a rule does to a request it matches. Each action runs in one {@link Phase}. The JSON
 * {@code type} ids below are the one list of actions: the rule document, the schema and the README
 * are tested against it. Each record reads itself from JSON through its {@code of} factory, which
 * fills defaults and refuses bad values naming the field.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = FaultAction.HttpError.class, name = "http_error", names = "error"),
        @JsonSubTypes.Type(value = FaultAction.Delay.class, name = "delay", names = "latency"),
        @JsonSubTypes.Type(value = FaultAction.Throttle.class, name = "throttle"),
        @JsonSubTypes.Type(value = FaultAction.Bandwidth.class, name = "bandwidth"),
        @JsonSubTypes.Type(value = FaultAction.Reset.class, name = "reset"),
        @JsonSubTypes.Type(value = FaultAction.Timeout.class, name = "timeout"),
        @JsonSubTypes.Type(value = FaultAction.Truncate.class, name = "truncate"),
        @JsonSubTypes.Type(value = FaultAction.Corrupt.class, name = "corrupt"),
        @JsonSubTypes.Type(value = FaultAction.StaleRead.class, name = "stale_read"),
        @JsonSubTypes.Type(value = FaultAction.SlowFirstByte.class, name = "slow_first_byte"),
        @JsonSubTypes.Type(value = FaultAction.Slice.class, name = "slice"),
        @JsonSubTypes.Type(value = FaultAction.Drop.class, name = "drop"),
        @JsonSubTypes.Type(value = FaultAction.Duplicate.class, name = "duplicate")})
public sealed interface FaultAction {

    /** The JSON type id, e.g. {@code http_error}. */
    default String type() {
        return TypeIds.of(getClass());
    }

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

        R drop(Drop action);

        R duplicate(Duplicate action);
    }

    /** Answer with an S3 error document instead of (before) or in place of (after) the operation's answer. */
    record HttpError(@JsonProperty("http_code") int status, @JsonProperty("error_code") String code,
                     @JsonProperty String message, @JsonProperty Phase phase) implements FaultAction {
        @JsonCreator
        static HttpError of(@JsonProperty("http_code") @JsonAlias({"status", "status_code"}) Integer status,
                            @JsonProperty("error_code") @JsonAlias("code") String code,
                            @JsonProperty("message") String message, @JsonProperty("phase") Phase phase) {
            if (status == null || status < 300 || status > 599) {
                throw new InvalidRuleException("http_code", "must be an HTTP error status between 300 and 599");
            }
            return new HttpError(status, code != null ? code : S3Errors.defaultCode(status),
                    message != null ? message : S3Errors.defaultMessage(status), Phase.or(phase, Phase.BEFORE));
        }

        public <R> R match(Cases<R> cases) { return cases.httpError(this); }
    }

    record Delay(DelaySpec delay, @JsonProperty Phase phase) implements FaultAction {
        @JsonCreator
        static Delay of(@JsonProperty("delay") Duration fixed, @JsonProperty("distribution") String distribution,
                        @JsonProperty("min") Duration min, @JsonProperty("max") Duration max,
                        @JsonProperty("mean") Duration mean, @JsonProperty("stddev") Duration stddev,
                        @JsonProperty("phase") Phase phase) {
            return new Delay(DelaySpec.of("delay", fixed, distribution, min, max, mean, stddev), Phase.or(phase, Phase.BEFORE));
        }

        @JsonAnyGetter
        Map<String, Object> delayFields() { return delay.fields("delay"); }

        public <R> R match(Cases<R> cases) { return cases.delay(this); }
    }

    /**
     * A token bucket shared by every instance: {@code rate} requests per {@code interval} per scope
     * value; requests beyond it get {@code status code}. Always before the operation.
     *
     * @param prefixDepth for scope {@code prefix}: how many {@code /}-separated key segments make the prefix
     */
    record Throttle(@JsonProperty long rate, @JsonProperty Duration interval, @JsonProperty ThrottleScope per,
                    int prefixDepth, @JsonProperty("http_code") int status, @JsonProperty("error_code") String code,
                    @JsonProperty String message) implements FaultAction {
        @JsonCreator
        static Throttle of(@JsonProperty("rate") Long rate, @JsonProperty("interval") Duration interval,
                           @JsonProperty("per") ThrottleScope per, @JsonProperty("prefix_depth") Integer prefixDepth,
                           @JsonProperty("http_code") @JsonAlias("status") Integer status,
                           @JsonProperty("error_code") @JsonAlias("code") String code,
                           @JsonProperty("message") String message, @JsonProperty("phase") Phase phase) {
            if (rate == null) {
                throw new InvalidRuleException("rate", "is required and must be an integer");
            }
            if (rate < 1) {
                throw new InvalidRuleException("rate", "must be at least 1 request per interval");
            }
            if (interval != null && interval.isZero()) {
                throw new InvalidRuleException("interval", "must be positive");
            }
            Phase.only(Phase.BEFORE, phase);
            return new Throttle(rate, interval != null ? interval : Duration.ofSeconds(1),
                    per != null ? per : ThrottleScope.RULE, prefixDepth == null ? 1 : Math.max(1, prefixDepth),
                    status != null ? status : 503, code != null ? code : "SlowDown",
                    message != null ? message : S3Error.SLOW_DOWN.defaultMessage());
        }

        /** Written only where it means something. */
        @JsonProperty("prefix_depth")
        Integer writtenPrefixDepth() { return per == ThrottleScope.PREFIX ? prefixDepth : null; }

        @JsonProperty
        public Phase phase() { return Phase.BEFORE; }

        public <R> R match(Cases<R> cases) { return cases.throttle(this); }
    }

    /** Stream the body at this rate: the response body (after), or the upload as it is read (before). */
    record Bandwidth(@JsonProperty long bytesPerSecond, @JsonProperty Phase phase) implements FaultAction {
        @JsonCreator
        static Bandwidth of(@JsonProperty("bytes_per_second") @JsonAlias("rate") @JsonDeserialize(using = JsonValues.ByteCount.class) Long bytesPerSecond,
                            @JsonProperty("phase") Phase phase) {
            if (bytesPerSecond == null) {
                throw new InvalidRuleException("bytes_per_second", "is required (bytes, e.g. 4096 or \"64KiB\")");
            }
            if (bytesPerSecond < 1) {
                throw new InvalidRuleException("bytes_per_second", "must be at least 1 byte per second");
            }
            return new Bandwidth(bytesPerSecond, Phase.or(phase, Phase.AFTER));
        }

        public <R> R match(Cases<R> cases) { return cases.bandwidth(this); }
    }

    /** Close the connection abruptly; with {@code afterBytes}, once that many body bytes went through. */
    record Reset(@JsonProperty Long afterBytes, @JsonProperty Phase phase) implements FaultAction {
        @JsonCreator
        static Reset of(@JsonProperty("after_bytes") @JsonDeserialize(using = JsonValues.ByteCount.class) Long afterBytes,
                        @JsonProperty("phase") Phase phase) {
            return new Reset(afterBytes, Phase.or(phase, afterBytes == null ? Phase.BEFORE : Phase.AFTER));
        }

        public <R> R match(Cases<R> cases) { return cases.reset(this); }
    }

    /** Hold the request open for {@code after}, then drop the connection without an answer. */
    record Timeout(@JsonProperty Duration after, @JsonProperty Phase phase) implements FaultAction {
        @JsonCreator
        static Timeout of(@JsonProperty("after") @JsonAlias("duration") Duration after, @JsonProperty("phase") Phase phase) {
            return new Timeout(after != null ? after : Duration.ofSeconds(30), Phase.or(phase, Phase.BEFORE));
        }

        public <R> R match(Cases<R> cases) { return cases.timeout(this); }
    }

    /** Keep the promised Content-Length, send only {@code keepBytes} (or {@code ratio} of the body), then drop. */
    record Truncate(@JsonProperty Long keepBytes, @JsonProperty Double ratio) implements FaultAction {
        @JsonCreator
        static Truncate of(@JsonProperty("keep_bytes") @JsonDeserialize(using = JsonValues.ByteCount.class) Long keepBytes,
                           @JsonProperty("ratio") Double ratio, @JsonProperty("phase") Phase phase) {
            if (ratio != null && (ratio < 0 || ratio >= 1)) {
                throw new InvalidRuleException("ratio", "must be at least 0 and below 1");
            }
            Phase.only(Phase.AFTER, phase);
            return new Truncate(keepBytes, keepBytes == null && ratio == null ? Double.valueOf(0.5) : ratio);
        }

        @JsonProperty
        public Phase phase() { return Phase.AFTER; }

        public <R> R match(Cases<R> cases) { return cases.truncate(this); }
    }

    /**
     * Flip {@code bytes} bytes of the body (at {@code offset}, else spread evenly) so checksums no longer
     * match; or, with target {@code etag}, answer a wrong ETag. Before: the upload is stored corrupted.
     */
    record Corrupt(@JsonProperty CorruptTarget target, @JsonProperty int bytes, @JsonProperty Long offset,
                   @JsonProperty Phase phase) implements FaultAction {
        @JsonCreator
        static Corrupt of(@JsonProperty("target") CorruptTarget target, @JsonProperty("bytes") Integer bytes,
                          @JsonProperty("offset") @JsonDeserialize(using = JsonValues.ByteCount.class) Long offset,
                          @JsonProperty("phase") Phase phase) {
            if (bytes != null && bytes < 1) {
                throw new InvalidRuleException("bytes", "must be at least 1");
            }
            CorruptTarget t = target != null ? target : CorruptTarget.BODY;
            if (t == CorruptTarget.ETAG && phase == Phase.BEFORE) {
                throw new InvalidRuleException("phase", "a wrong ETag can only be answered after the operation");
            }
            return new Corrupt(t, bytes != null ? bytes : 1, offset, Phase.or(phase, Phase.AFTER));
        }

        public <R> R match(Cases<R> cases) { return cases.corrupt(this); }
    }

    /** For {@code window} after a write of a key, reads and lists of that key see the state before the write. */
    record StaleRead(@JsonProperty Duration window) implements FaultAction {
        @JsonCreator
        static StaleRead of(@JsonProperty("window") @JsonAlias("duration") Duration window, @JsonProperty("phase") Phase phase) {
            Phase.only(Phase.AFTER, phase);
            return new StaleRead(window != null ? window : Duration.ofSeconds(5));
        }

        @JsonProperty
        public Phase phase() { return Phase.AFTER; }

        public <R> R match(Cases<R> cases) { return cases.staleRead(this); }
    }

    /** Hold back the first byte of the response body. */
    record SlowFirstByte(DelaySpec delay) implements FaultAction {
        @JsonCreator
        static SlowFirstByte of(@JsonProperty("delay") Duration fixed, @JsonProperty("distribution") String distribution,
                                @JsonProperty("min") Duration min, @JsonProperty("max") Duration max,
                                @JsonProperty("mean") Duration mean, @JsonProperty("stddev") Duration stddev,
                                @JsonProperty("phase") Phase phase) {
            Phase.only(Phase.AFTER, phase);
            return new SlowFirstByte(DelaySpec.of("delay", fixed, distribution, min, max, mean, stddev));
        }

        @JsonAnyGetter
        Map<String, Object> delayFields() { return delay.fields("delay"); }

        @JsonProperty
        public Phase phase() { return Phase.AFTER; }

        public <R> R match(Cases<R> cases) { return cases.slowFirstByte(this); }
    }

    /** Send the body in chunks of {@code chunkSize} bytes with {@code pause} between them. */
    record Slice(@JsonProperty int chunkSize, @JsonProperty Duration pause, @JsonProperty Phase phase) implements FaultAction {
        @JsonCreator
        static Slice of(@JsonProperty("chunk_size") @JsonDeserialize(using = JsonValues.ByteCount.class) Long chunkSize,
                        @JsonProperty("pause") Duration pause, @JsonProperty("phase") Phase phase) {
            long chunk = chunkSize != null ? chunkSize : 1024;
            if (chunk < 1 || chunk > Integer.MAX_VALUE) {
                throw new InvalidRuleException("chunk_size", "must be between 1 byte and 2 GiB");
            }
            return new Slice((int) chunk, pause != null ? pause : Duration.ofMillis(100), Phase.or(phase, Phase.AFTER));
        }

        public <R> R match(Cases<R> cases) { return cases.slice(this); }
    }

    /** Notification delivery only: the event is taken as delivered and never sent (a lost event). */
    record Drop() implements FaultAction {
        @JsonCreator
        static Drop of(@JsonProperty("phase") Phase phase) {
            Phase.only(Phase.BEFORE, phase);
            return new Drop();
        }

        @JsonProperty
        public Phase phase() { return Phase.BEFORE; }

        public <R> R match(Cases<R> cases) { return cases.drop(this); }
    }

    /** Notification delivery only: the event is sent {@code copies} times (at-least-once made visible). */
    record Duplicate(@JsonProperty int copies) implements FaultAction {
        @JsonCreator
        static Duplicate of(@JsonProperty("copies") Integer copies, @JsonProperty("phase") Phase phase) {
            if (copies != null && (copies < 2 || copies > 100)) {
                throw new InvalidRuleException("copies", "must be between 2 and 100");
            }
            Phase.only(Phase.BEFORE, phase);
            return new Duplicate(copies == null ? 2 : copies);
        }

        @JsonProperty
        public Phase phase() { return Phase.BEFORE; }

        public <R> R match(Cases<R> cases) { return cases.duplicate(this); }
    }

    enum ThrottleScope {
        RULE, BUCKET, PREFIX, KEY, @JsonAlias("access-key") ACCESS_KEY;

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
