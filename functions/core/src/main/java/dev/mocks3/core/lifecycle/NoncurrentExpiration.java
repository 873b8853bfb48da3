package dev.mocks3.core.lifecycle;

import java.time.Duration;
import java.time.Instant;

/**
 * A rule's {@code NoncurrentVersionExpiration}: a version that has been noncurrent for {@code days}
 * lifecycle days is removed for good, except the {@code newerVersions} newest noncurrent versions
 * of its key, which stay whatever their age.
 *
 * @param newerVersions how many noncurrent versions to keep (1 to 100), or null to keep none
 */
public record NoncurrentExpiration(int days, Integer newerVersions) {

    /** Versions that became noncurrent at or before the instant returned are due at {@code now}. */
    public Instant dueIfNoncurrentSince(Instant now, Duration day) {
        return now.minus(day.multipliedBy(days));
    }

    /** How many of a key's newest noncurrent versions stay whatever their age. */
    public int kept() {
        return newerVersions == null ? 0 : newerVersions;
    }
}
