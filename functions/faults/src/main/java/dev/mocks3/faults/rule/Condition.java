package dev.mocks3.faults.rule;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;

import dev.mocks3.core.routing.S3Operation;
import dev.mocks3.faults.engine.Cidr;

/**
 * One condition of a rule; a rule applies when all its conditions hold. The JSON {@code type} ids
 * below are the one list of conditions; each record reads itself through its {@code of} factory.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = Condition.Probability.class, name = "probability"),
        @JsonSubTypes.Type(value = Condition.Operation.class, name = "operation", names = "operations"),
        @JsonSubTypes.Type(value = Condition.Bucket.class, name = "bucket"),
        @JsonSubTypes.Type(value = Condition.Key.class, name = "key", names = "object_key"),
        @JsonSubTypes.Type(value = Condition.Method.class, name = "method"),
        @JsonSubTypes.Type(value = Condition.Header.class, name = "header"),
        @JsonSubTypes.Type(value = Condition.Query.class, name = "query"),
        @JsonSubTypes.Type(value = Condition.SourceAddress.class, name = "source_ip", names = {"source_address", "cidr"}),
        @JsonSubTypes.Type(value = Condition.AccessKey.class, name = "access_key"),
        @JsonSubTypes.Type(value = Condition.Region.class, name = "region"),
        @JsonSubTypes.Type(value = Condition.ObjectSize.class, name = "object_size", names = "size"),
        @JsonSubTypes.Type(value = Condition.PartNumber.class, name = "part_number"),
        @JsonSubTypes.Type(value = Condition.TimeWindow.class, name = "time_window"),
        @JsonSubTypes.Type(value = Condition.RequestCount.class, name = "request_count", names = "count"),
        @JsonSubTypes.Type(value = Condition.MaxTriggers.class, name = "max_triggers"),
        @JsonSubTypes.Type(value = Condition.ExpiresAt.class, name = "expires_at", names = "expiry")})
public sealed interface Condition {

    /** The JSON type id, e.g. {@code source_ip}. */
    default String type() {
        return TypeIds.of(getClass());
    }

    /** Acts on the condition whichever it is. */
    <R> R match(Cases<R> cases);

    /** One method per condition, so the compiler refuses a new condition that some code forgot. */
    interface Cases<R> {
        R probability(Probability condition);

        R operation(Operation condition);

        R bucket(Bucket condition);

        R key(Key condition);

        R method(Method condition);

        R header(Header condition);

        R query(Query condition);

        R sourceAddress(SourceAddress condition);

        R accessKey(AccessKey condition);

        R region(Region condition);

        R objectSize(ObjectSize condition);

        R partNumber(PartNumber condition);

        R timeWindow(TimeWindow condition);

        R requestCount(RequestCount condition);

        R maxTriggers(MaxTriggers condition);

        R expiresAt(ExpiresAt condition);
    }

    /** Holds with the given probability (0..1), drawn from the rule's seeded random. */
    record Probability(@JsonProperty double value) implements Condition {
        @JsonCreator
        static Probability of(@JsonProperty("value") @JsonAlias("probability") Double value) {
            if (value == null) {
                throw new InvalidRuleException("value", "is required and must be a number");
            }
            if (!(value >= 0 && value <= 1)) {
                throw new InvalidRuleException("value", "must be between 0 and 1");
            }
            return new Probability(value);
        }

        public <R> R match(Cases<R> cases) { return cases.probability(this); }
    }

    record Operation(Set<S3Operation> operations) implements Condition {
        @JsonCreator
        static Operation of(@JsonProperty("value") @JsonAlias("operations") @JsonDeserialize(using = JsonValues.TextList.class) List<String> names) {
            Set<S3Operation> ops = new LinkedHashSet<>();
            for (String name : required(names)) {
                ops.add(S3Operation.byS3Name(name).orElseThrow(
                        () -> new InvalidRuleException("value", "unknown S3 operation '" + name + "'")));
            }
            return new Operation(ops);
        }

        @JsonProperty("value")
        @JsonFormat(with = JsonFormat.Feature.WRITE_SINGLE_ELEM_ARRAYS_UNWRAPPED)
        List<String> names() { return operations.stream().map(S3Operation::s3Name).toList(); }

        public <R> R match(Cases<R> cases) { return cases.operation(this); }
    }

    record Bucket(TextMatch match) implements Condition {
        @JsonCreator
        static Bucket of(@JsonProperty("value") String value, @JsonProperty("equals") String equals,
                         @JsonProperty("prefix") String prefix, @JsonProperty("suffix") String suffix,
                         @JsonProperty("glob") String glob, @JsonProperty("regex") String regex) {
            return new Bucket(TextMatch.of(value, equals, prefix, suffix, glob, regex, null, false));
        }

        @JsonAnyGetter
        Map<String, Object> matchFields() { return match.fields(); }

        public <R> R match(Cases<R> cases) { return cases.bucket(this); }
    }

    record Key(TextMatch match) implements Condition {
        @JsonCreator
        static Key of(@JsonProperty("value") String value, @JsonProperty("equals") String equals,
                      @JsonProperty("prefix") String prefix, @JsonProperty("suffix") String suffix,
                      @JsonProperty("glob") String glob, @JsonProperty("regex") String regex) {
            return new Key(TextMatch.of(value, equals, prefix, suffix, glob, regex, null, false));
        }

        @JsonAnyGetter
        Map<String, Object> matchFields() { return match.fields(); }

        public <R> R match(Cases<R> cases) { return cases.key(this); }
    }

    record Method(@JsonProperty("value") @JsonFormat(with = JsonFormat.Feature.WRITE_SINGLE_ELEM_ARRAYS_UNWRAPPED)
                  Set<String> methods) implements Condition {
        @JsonCreator
        static Method of(@JsonProperty("value") @JsonAlias("methods") @JsonDeserialize(using = JsonValues.TextList.class) List<String> methods) {
            Set<String> upper = new LinkedHashSet<>();
            required(methods).forEach(m -> upper.add(m.toUpperCase(Locale.ROOT)));
            return new Method(upper);
        }

        public <R> R match(Cases<R> cases) { return cases.method(this); }
    }

    /** A request header (name in lower case) matches, or is present / absent. */
    record Header(@JsonProperty String name, TextMatch match) implements Condition {
        @JsonCreator
        static Header of(@JsonProperty("name") String name, @JsonProperty("value") String value,
                         @JsonProperty("equals") String equals, @JsonProperty("prefix") String prefix,
                         @JsonProperty("suffix") String suffix, @JsonProperty("glob") String glob,
                         @JsonProperty("regex") String regex, @JsonProperty("present") Boolean present) {
            return new Header(requiredName(name).toLowerCase(Locale.ROOT),
                    TextMatch.of(value, equals, prefix, suffix, glob, regex, present, true));
        }

        @JsonAnyGetter
        Map<String, Object> matchFields() { return match.fields(); }

        public <R> R match(Cases<R> cases) { return cases.header(this); }
    }

    record Query(@JsonProperty String name, TextMatch match) implements Condition {
        @JsonCreator
        static Query of(@JsonProperty("name") String name, @JsonProperty("value") String value,
                        @JsonProperty("equals") String equals, @JsonProperty("prefix") String prefix,
                        @JsonProperty("suffix") String suffix, @JsonProperty("glob") String glob,
                        @JsonProperty("regex") String regex, @JsonProperty("present") Boolean present) {
            return new Query(requiredName(name), TextMatch.of(value, equals, prefix, suffix, glob, regex, present, true));
        }

        @JsonAnyGetter
        Map<String, Object> matchFields() { return match.fields(); }

        public <R> R match(Cases<R> cases) { return cases.query(this); }
    }

    /** Source address in one of the CIDR blocks (a plain address is a /32 or /128). */
    record SourceAddress(@JsonProperty("value") @JsonFormat(with = JsonFormat.Feature.WRITE_SINGLE_ELEM_ARRAYS_UNWRAPPED)
                         List<String> cidrs) implements Condition {
        @JsonCreator
        static SourceAddress of(@JsonProperty("value") @JsonAlias("cidrs") @JsonDeserialize(using = JsonValues.TextList.class) List<String> cidrs) {
            for (String c : required(cidrs)) {
                try {
                    Cidr.parse(c);
                } catch (IllegalArgumentException e) {
                    throw new InvalidRuleException("value", e.getMessage());
                }
            }
            return new SourceAddress(cidrs);
        }

        public <R> R match(Cases<R> cases) { return cases.sourceAddress(this); }
    }

    record AccessKey(@JsonProperty("value") @JsonFormat(with = JsonFormat.Feature.WRITE_SINGLE_ELEM_ARRAYS_UNWRAPPED)
                     Set<String> keys) implements Condition {
        @JsonCreator
        static AccessKey of(@JsonProperty("value") @JsonAlias("keys") @JsonDeserialize(using = JsonValues.TextList.class) List<String> keys) {
            return new AccessKey(new LinkedHashSet<>(required(keys)));
        }

        public <R> R match(Cases<R> cases) { return cases.accessKey(this); }
    }

    /** AWS region named in the SigV4 credential scope (LocalStack's {@code region}). */
    record Region(@JsonProperty("value") @JsonFormat(with = JsonFormat.Feature.WRITE_SINGLE_ELEM_ARRAYS_UNWRAPPED)
                  Set<String> regions) implements Condition {
        @JsonCreator
        static Region of(@JsonProperty("value") @JsonAlias("regions") @JsonDeserialize(using = JsonValues.TextList.class) List<String> regions) {
            return new Region(new LinkedHashSet<>(required(regions)));
        }

        public <R> R match(Cases<R> cases) { return cases.region(this); }
    }

    /** Object size in bytes, inclusive; null bound = open. Uploads: Content-Length; reads: the response size. */
    record ObjectSize(@JsonProperty Long min, @JsonProperty Long max) implements Condition {
        @JsonCreator
        static ObjectSize of(@JsonProperty("min") @JsonDeserialize(using = JsonValues.ByteCount.class) Long min,
                             @JsonProperty("max") @JsonDeserialize(using = JsonValues.ByteCount.class) Long max) {
            if (min == null && max == null) {
                throw new InvalidRuleException("min", "give min and/or max (bytes, e.g. \"5MiB\")");
            }
            if (min != null && max != null && max < min) {
                throw new InvalidRuleException("max", "must not be below min");
            }
            return new ObjectSize(min, max);
        }

        public <R> R match(Cases<R> cases) { return cases.objectSize(this); }
    }

    /** Multipart part number ({@code partNumber} query), inclusive range. */
    record PartNumber(@JsonProperty Integer min, @JsonProperty Integer max) implements Condition {
        @JsonCreator
        static PartNumber of(@JsonProperty("value") Integer value, @JsonProperty("min") Integer min,
                             @JsonProperty("max") Integer max) {
            if (value != null) {
                return new PartNumber(value, value);
            }
            if (min == null && max == null) {
                throw new InvalidRuleException("value", "give value, or min and/or max");
            }
            return new PartNumber(min, max);
        }

        public <R> R match(Cases<R> cases) { return cases.partNumber(this); }
    }

    /** Absolute window [from, until) and/or a daily window [dailyFrom, dailyUntil) in a zone (may wrap midnight). */
    record TimeWindow(@JsonProperty Instant from, @JsonProperty Instant until, @JsonProperty LocalTime dailyFrom,
                      @JsonProperty LocalTime dailyUntil, @JsonProperty ZoneId zone) implements Condition {
        @JsonCreator
        static TimeWindow of(@JsonProperty("from") Instant from, @JsonProperty("until") Instant until,
                             @JsonProperty("daily_from") LocalTime dailyFrom, @JsonProperty("daily_until") LocalTime dailyUntil,
                             @JsonProperty("zone") @JsonAlias("time_zone") String zone) {
            if ((dailyFrom == null) != (dailyUntil == null)) {
                throw new InvalidRuleException(dailyFrom == null ? "daily_from" : "daily_until",
                        "a daily window needs both daily_from and daily_until");
            }
            if (from == null && until == null && dailyFrom == null) {
                throw new InvalidRuleException("from", "give from/until and/or daily_from/daily_until");
            }
            ZoneId zoneId = ZoneOffset.UTC;
            if (zone != null) {
                try {
                    zoneId = ZoneId.of(zone);
                } catch (RuntimeException e) {
                    throw new InvalidRuleException("zone", "unknown time zone '" + zone + "'");
                }
            }
            return new TimeWindow(from, until, dailyFrom, dailyUntil, zoneId);
        }

        public <R> R match(Cases<R> cases) { return cases.timeWindow(this); }
    }

    /**
     * Counts the requests that satisfy the rule's other scope conditions (per rule, or per bucket/key),
     * and holds for the first N, every Nth, and/or after N of them.
     */
    record RequestCount(@JsonProperty Long first, @JsonProperty Long every, @JsonProperty Long after,
                        @JsonProperty CountScope per) implements Condition {
        @JsonCreator
        static RequestCount of(@JsonProperty("first") Long first, @JsonProperty("every") Long every,
                               @JsonProperty("after") Long after, @JsonProperty("per") CountScope per) {
            atLeast("first", first, 1);
            atLeast("every", every, 1);
            if (after != null && after < 0) {
                throw new InvalidRuleException("after", "must be a whole number of at least 0");
            }
            if (first == null && every == null && after == null) {
                throw new InvalidRuleException("first", "give first, every and/or after");
            }
            return new RequestCount(first, every, after, per != null ? per : CountScope.RULE);
        }

        public <R> R match(Cases<R> cases) { return cases.requestCount(this); }
    }

    /** After this many injected faults the rule disables itself. */
    record MaxTriggers(@JsonProperty long value) implements Condition {
        @JsonCreator
        static MaxTriggers of(@JsonProperty("value") Long value) {
            if (value == null) {
                throw new InvalidRuleException("value", "must be a whole number of at least 0");
            }
            atLeast("value", value, 1);
            return new MaxTriggers(value);
        }

        public <R> R match(Cases<R> cases) { return cases.maxTriggers(this); }
    }

    /** The rule stops applying at this time. */
    record ExpiresAt(@JsonProperty Instant value) implements Condition {
        @JsonCreator
        static ExpiresAt of(@JsonProperty("value") Instant value) {
            if (value == null) {
                throw new InvalidRuleException("value", JsonValues.INSTANT_EXPECTED);
            }
            return new ExpiresAt(value);
        }

        public <R> R match(Cases<R> cases) { return cases.expiresAt(this); }
    }

    enum CountScope {
        RULE, KEY;

        public String id() {
            return name().toLowerCase();
        }
    }

    private static List<String> required(List<String> values) {
        if (values == null) {
            throw new InvalidRuleException("value", "is required");
        }
        return values;
    }

    private static String requiredName(String name) {
        if (name == null || name.isEmpty()) {
            throw new InvalidRuleException("name", "is required");
        }
        return name;
    }

    private static void atLeast(String field, Long value, long min) {
        if (value != null && value < min) {
            throw new InvalidRuleException(field, "must be at least " + min);
        }
    }
}
