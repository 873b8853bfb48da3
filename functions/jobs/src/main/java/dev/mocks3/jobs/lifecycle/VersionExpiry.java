package dev.mocks3.jobs.lifecycle;

import java.time.Instant;
import java.util.Map;

import org.springframework.stereotype.Component;

import dev.mocks3.core.lifecycle.LifecycleRule;
import dev.mocks3.core.lifecycle.NoncurrentExpiration;
import dev.mocks3.jobs.run.Pages;
import dev.mocks3.state.metadata.LifecycleRemovals;
import reactor.core.publisher.Mono;

/**
 * The versioned side of a lifecycle rule: NoncurrentVersionExpiration removes versions noncurrent
 * for the rule's days beyond the newest ones it keeps, and ExpiredObjectDeleteMarker removes delete
 * markers left alone. Versions under a legal hold or retention stay.
 */
@Component
public class VersionExpiry {
    private static final int PAGE = 500;
    private final LifecycleRemovals removals;
    private final LifecycleProperties properties;

    public VersionExpiry(LifecycleRemovals removals, LifecycleProperties properties) {
        this.removals = removals;
        this.properties = properties;
    }

    /** How many noncurrent versions the rule removed at {@code now}. */
    public Mono<Long> expireNoncurrent(String bucket, LifecycleRule rule, Instant now) {
        if (!rule.expiresNoncurrentVersions()) {
            return Mono.just(0L);
        }
        NoncurrentExpiration expiration = rule.noncurrentExpiration();
        Instant due = expiration.dueIfNoncurrentSince(now, properties.day());
        // oldest first: what decides a version's fate (its successors) is not removed before it
        return NoncurrentPages.all(removals, bucket, rule.filter().prefix())
                .filter(version -> !version.noncurrentSince().isAfter(due) && version.newerNoncurrent() >= expiration.kept()
                        && rule.filter().matches(version.key(), version.size(), version.tags()))
                .concatMap(version -> removals.removeNoncurrent(bucket, version.key(), version.versionId(), now))
                .filter(Boolean::booleanValue).count();
    }

    /** How many delete markers, each the only version of its key, the rule removed. */
    public Mono<Long> removeExpiredDeleteMarkers(String bucket, LifecycleRule rule) {
        if (!rule.removesExpiredDeleteMarkers()) {
            return Mono.just(0L);
        }
        return Pages.all((after, size) -> removals.loneDeleteMarkers(bucket, rule.filter().prefix(), after, size),
                        key -> key, PAGE)
                .filter(key -> rule.filter().matches(key, 0, Map.of()))
                .concatMap(key -> removals.removeLoneDeleteMarker(bucket, key))
                .filter(Boolean::booleanValue).count();
    }
}
