package dev.mocks3.core.lifecycle;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * One rule of a bucket's lifecycle configuration, as far as MockS3 carries it out: expiration of
 * current objects (after a number of days, or from a date on), of noncurrent versions and of delete
 * markers left alone, and the abort of multipart uploads left incomplete. Days are lifecycle days,
 * whose length is configurable.
 *
 * @param expirationDays       days after an object's last modification that it expires, or null
 * @param expirationDate       from this instant on every matching object expires, or null
 * @param expiredObjectDeleteMarker remove a delete marker that is the only version of its key left
 * @param noncurrentExpiration when noncurrent versions are removed, or null
 * @param transitions          storage class changes of current objects
 * @param noncurrentTransitions storage class changes of noncurrent versions
 * @param abortAfterDays       days after initiation that an incomplete multipart upload is aborted, or null
 */
public record LifecycleRule(String id, boolean enabled, LifecycleFilter filter, Integer expirationDays,
                            Instant expirationDate, boolean expiredObjectDeleteMarker,
                            NoncurrentExpiration noncurrentExpiration, List<Transition> transitions,
                            List<Transition> noncurrentTransitions, Integer abortAfterDays) {

    public LifecycleRule {
        transitions = List.copyOf(transitions);
        noncurrentTransitions = List.copyOf(noncurrentTransitions);
    }

    public boolean expiresObjects() {
        return enabled && (expirationDays != null || expirationDate != null);
    }

    public boolean removesExpiredDeleteMarkers() {
        return enabled && expiredObjectDeleteMarker;
    }

    public boolean expiresNoncurrentVersions() {
        return enabled && noncurrentExpiration != null;
    }

    public boolean abortsUploads() {
        return enabled && abortAfterDays != null;
    }

    /**
     * Objects last modified at or before the instant returned have expired at {@code now}, or null
     * when none has yet (a date still ahead, or no expiration).
     */
    public Instant expiredIfModifiedBy(Instant now, Duration day) {
        if (expirationDate != null) {
            return now.isBefore(expirationDate) ? null : now;
        }
        return expirationDays == null ? null : now.minus(day.multipliedBy(expirationDays));
    }

    /** Uploads initiated at or before the instant returned are to be aborted at {@code now}, or null. */
    public Instant abortIfInitiatedBy(Instant now, Duration day) {
        return abortAfterDays == null ? null : now.minus(day.multipliedBy(abortAfterDays));
    }
}
