package dev.mocks3.core.lifecycle;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A bucket's lifecycle configuration: its rules, in document order. */
public record LifecycleConfiguration(List<LifecycleRule> rules) {
    /** A bucket without a configuration. */
    public static final LifecycleConfiguration NONE = new LifecycleConfiguration(List.of());
    private static final Duration CALENDAR_DAY = Duration.ofDays(1);

    public LifecycleConfiguration {
        rules = List.copyOf(rules);
    }

    /** Parses and validates a {@code PutBucketLifecycleConfiguration} body, with S3's errors for what is wrong. */
    public static LifecycleConfiguration parse(byte[] xml) {
        return LifecycleXml.parse(xml);
    }

    /**
     * When a current object expires by these rules, as S3 announces it ({@code x-amz-expiration}):
     * the earliest of the enabled expiration rules whose filter the object matches, or empty. A
     * Days rule expires it that many lifecycle days after its last modification, rounded up to the
     * next midnight UTC when a lifecycle day is a calendar day (as S3 rounds); a Date rule on its date.
     */
    public Optional<ObjectExpiry> expiryOf(String key, long size, Map<String, String> tags, Instant lastModified,
                                           Duration day) {
        return rules.stream()
                .filter(rule -> rule.expiresObjects() && rule.filter().matches(key, size, tags))
                .map(rule -> new ObjectExpiry(rule.expirationDate() != null ? rule.expirationDate()
                        : afterDays(lastModified, rule.expirationDays(), day), rule.id()))
                .min(Comparator.comparing(ObjectExpiry::date));
    }

    private static Instant afterDays(Instant lastModified, int days, Duration day) {
        Instant due = lastModified.plus(day.multipliedBy(days));
        if (!day.equals(CALENDAR_DAY)) {
            return due;
        }
        Instant midnight = due.truncatedTo(ChronoUnit.DAYS);
        return midnight.equals(due) ? due : midnight.plus(CALENDAR_DAY);
    }

    /** The date an object expires on and the ID of the rule that expires it. */
    public record ObjectExpiry(Instant date, String ruleId) {
    }
}
