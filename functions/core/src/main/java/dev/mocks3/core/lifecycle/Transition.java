package dev.mocks3.core.lifecycle;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A rule's {@code Transition} (of current objects: {@code days} after last modification, or from
 * {@code date} on) or {@code NoncurrentVersionTransition} ({@code days} after a version became
 * noncurrent, keeping {@code newerVersions} newest noncurrent versions where they are).
 *
 * @param date          null unless the transition is by date (current objects only)
 * @param newerVersions null unless given (noncurrent transitions only)
 */
public record Transition(Integer days, Instant date, String storageClass, Integer newerVersions) {
    /** The storage classes a lifecycle rule can move objects to, warmest first: objects only ever move right. */
    public static final List<String> TARGETS = List.of("STANDARD_IA", "INTELLIGENT_TIERING", "ONEZONE_IA",
            "GLACIER_IR", "GLACIER", "DEEP_ARCHIVE");

    /** Objects (or versions noncurrent since) at or before the instant returned are due at {@code now}, or null. */
    public Instant dueIfBy(Instant now, Duration day) {
        if (date != null) {
            return now.isBefore(date) ? null : now;
        }
        return now.minus(day.multipliedBy(days));
    }

    /** True when an object of class {@code current} is warmer than this transition's target (STANDARD and RRS are warmest). */
    public boolean moves(String current) {
        return TARGETS.indexOf(current) < TARGETS.indexOf(storageClass);
    }

    public int kept() {
        return newerVersions == null ? 0 : newerVersions;
    }
}
