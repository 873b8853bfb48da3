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

    /** Holds with the given probability (0..1), drawn from the rule's seeded random. */
    record Probability(double value) implements Condition {
        public String type() { return "probability"; }
    }

    record Operation(Set<S3Operation> operations) implements Condition {
        public String type() { return "operation"; }
    }

    record Bucket(TextMatch match) implements Condition {
        public String type() { return "bucket"; }
    }

    record Key(TextMatch match) implements Condition {
        public String type() { return "key"; }
    }

    record Method(Set<String> methods) implements Condition {
        public String type() { return "method"; }
    }

    record Header(String name, TextMatch match) implements Condition {
        public String type() { return "header"; }
    }

    record Query(String name, TextMatch match) implements Condition {
        public String type() { return "query"; }
    }

    /** Source address in one of the CIDR blocks (a plain address is a /32 or /128). */
    record SourceAddress(List<String> cidrs) implements Condition {
        public String type() { return "source_ip"; }
    }

    record AccessKey(Set<String> keys) implements Condition {
        public String type() { return "access_key"; }
    }

    /** AWS region named in the SigV4 credential scope (LocalStack's {@code region}). */
    record Region(Set<String> regions) implements Condition {
        public String type() { return "region"; }
    }

    /** Object size in bytes, inclusive; null bound = open. Uploads: Content-Length; reads: the response size. */
    record ObjectSize(Long min, Long max) implements Condition {
        public String type() { return "object_size"; }
    }

    /** Multipart part number ({@code partNumber} query), inclusive range. */
    record PartNumber(Integer min, Integer max) implements Condition {
        public String type() { return "part_number"; }
    }

    /** Absolute window [from, until) and/or a daily window [dailyFrom, dailyUntil) in a zone (may wrap midnight). */
    record TimeWindow(Instant from, Instant until, LocalTime dailyFrom, LocalTime dailyUntil, ZoneId zone)
            implements Condition {
        public String type() { return "time_window"; }
    }

    /**
     * Counts the requests that satisfy the rule's other scope conditions (per rule, or per bucket/key),
     * and holds for the first N, every Nth, and/or after N of them.
     */
    record RequestCount(Long first, Long every, Long after, CountScope per) implements Condition {
        public String type() { return "request_count"; }
    }

    /** After this many injected faults the rule disables itself. */
    record MaxTriggers(long value) implements Condition {
        public String type() { return "max_triggers"; }
    }

    /** The rule stops applying at this time. */
    record ExpiresAt(Instant value) implements Condition {
        public String type() { return "expires_at"; }
    }

    enum CountScope {
        RULE, KEY;

        public String id() {
            return name().toLowerCase();
        }
    }
}
