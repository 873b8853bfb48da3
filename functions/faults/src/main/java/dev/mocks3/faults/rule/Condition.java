package dev.mocks3.faults.rule;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;

import dev.mocks3.core.routing.S3Operation;

/** One condition of a rule; a rule applies when all its conditions hold. JSON names in {@code type()}. */
public sealed interface Condition {

    String type();

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
    record Probability(double value) implements Condition {
        public String type() { return "probability"; }
        public <R> R match(Cases<R> cases) { return cases.probability(this); }
    }

    record Operation(Set<S3Operation> operations) implements Condition {
        public String type() { return "operation"; }
        public <R> R match(Cases<R> cases) { return cases.operation(this); }
    }

    record Bucket(TextMatch match) implements Condition {
        public String type() { return "bucket"; }
        public <R> R match(Cases<R> cases) { return cases.bucket(this); }
    }

    record Key(TextMatch match) implements Condition {
        public String type() { return "key"; }
        public <R> R match(Cases<R> cases) { return cases.key(this); }
    }

    record Method(Set<String> methods) implements Condition {
        public String type() { return "method"; }
        public <R> R match(Cases<R> cases) { return cases.method(this); }
    }

    record Header(String name, TextMatch match) implements Condition {
        public String type() { return "header"; }
        public <R> R match(Cases<R> cases) { return cases.header(this); }
    }

    record Query(String name, TextMatch match) implements Condition {
        public String type() { return "query"; }
        public <R> R match(Cases<R> cases) { return cases.query(this); }
    }

    /** Source address in one of the CIDR blocks (a plain address is a /32 or /128). */
    record SourceAddress(List<String> cidrs) implements Condition {
        public String type() { return "source_ip"; }
        public <R> R match(Cases<R> cases) { return cases.sourceAddress(this); }
    }

    record AccessKey(Set<String> keys) implements Condition {
        public String type() { return "access_key"; }
        public <R> R match(Cases<R> cases) { return cases.accessKey(this); }
    }

    /** AWS region named in the SigV4 credential scope (LocalStack's {@code region}). */
    record Region(Set<String> regions) implements Condition {
        public String type() { return "region"; }
        public <R> R match(Cases<R> cases) { return cases.region(this); }
    }

    /** Object size in bytes, inclusive; null bound = open. Uploads: Content-Length; reads: the response size. */
    record ObjectSize(Long min, Long max) implements Condition {
        public String type() { return "object_size"; }
        public <R> R match(Cases<R> cases) { return cases.objectSize(this); }
    }

    /** Multipart part number ({@code partNumber} query), inclusive range. */
    record PartNumber(Integer min, Integer max) implements Condition {
        public String type() { return "part_number"; }
        public <R> R match(Cases<R> cases) { return cases.partNumber(this); }
    }

    /** Absolute window [from, until) and/or a daily window [dailyFrom, dailyUntil) in a zone (may wrap midnight). */
    record TimeWindow(Instant from, Instant until, LocalTime dailyFrom, LocalTime dailyUntil, ZoneId zone)
            implements Condition {
        public String type() { return "time_window"; }
        public <R> R match(Cases<R> cases) { return cases.timeWindow(this); }
    }

    /**
     * Counts the requests that satisfy the rule's other scope conditions (per rule, or per bucket/key),
     * and holds for the first N, every Nth, and/or after N of them.
     */
    record RequestCount(Long first, Long every, Long after, CountScope per) implements Condition {
        public String type() { return "request_count"; }
        public <R> R match(Cases<R> cases) { return cases.requestCount(this); }
    }

    /** After this many injected faults the rule disables itself. */
    record MaxTriggers(long value) implements Condition {
        public String type() { return "max_triggers"; }
        public <R> R match(Cases<R> cases) { return cases.maxTriggers(this); }
    }

    /** The rule stops applying at this time. */
    record ExpiresAt(Instant value) implements Condition {
        public String type() { return "expires_at"; }
        public <R> R match(Cases<R> cases) { return cases.expiresAt(this); }
    }

    enum CountScope {
        RULE, KEY;

        public String id() {
            return name().toLowerCase();
        }
    }
}
