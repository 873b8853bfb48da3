package dev.mocks3.jobs.lifecycle;

import java.time.Instant;

import org.springframework.stereotype.Component;

import dev.mocks3.core.lifecycle.LifecycleRule;
import dev.mocks3.core.lifecycle.Transition;
import dev.mocks3.jobs.run.Pages;
import dev.mocks3.state.metadata.LifecycleRemovals;
import dev.mocks3.state.metadata.ObjectRecord;
import dev.mocks3.state.metadata.ObjectStore;
import dev.mocks3.state.metadata.StorageClassChanges;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A rule's {@code Transition} and {@code NoncurrentVersionTransition}: objects (or noncurrent
 * versions) whose time has come move to the target storage class, only ever to a colder one.
 */
@Component
public class StorageTransitions {
    private static final int PAGE = 500;
    private final ObjectStore objects;
    private final LifecycleRemovals versions;
    private final StorageClassChanges changes;
    private final LifecycleProperties properties;

    public StorageTransitions(ObjectStore objects, LifecycleRemovals versions, StorageClassChanges changes,
                              LifecycleProperties properties) {
        this.objects = objects;
        this.versions = versions;
        this.changes = changes;
        this.properties = properties;
    }

    /** How many current objects and noncurrent versions the rule moved at {@code now}. */
    public Mono<Long> transition(String bucket, LifecycleRule rule, Instant now) {
        if (!rule.enabled()) {
            return Mono.just(0L);
        }
        return Flux.concat(Flux.fromIterable(rule.transitions()).concatMap(t -> current(bucket, rule, t, now)),
                        Flux.fromIterable(rule.noncurrentTransitions()).concatMap(t -> noncurrent(bucket, rule, t, now)))
                .reduce(0L, Long::sum);
    }

    private Mono<Long> current(String bucket, LifecycleRule rule, Transition transition, Instant now) {
        Instant cutoff = transition.dueIfBy(now, properties.day());
        if (cutoff == null) {
            return Mono.just(0L);
        }
        return Pages.all((after, size) -> objects.modifiedBy(bucket, rule.filter().prefix(), cutoff, after, size),
                        ObjectRecord::key, PAGE)
                .filter(object -> transition.moves(object.storageClass())
                        && rule.filter().matches(object.key(), object.size(), object.tags()))
                .concatMap(object -> changes.current(object, cutoff, transition.storageClass()))
                .filter(Boolean::booleanValue).count();
    }

    private Mono<Long> noncurrent(String bucket, LifecycleRule rule, Transition transition, Instant now) {
        Instant due = transition.dueIfBy(now, properties.day());
        return NoncurrentPages.all(versions, bucket, rule.filter().prefix())
                .filter(version -> !version.deleteMarker() && !version.noncurrentSince().isAfter(due)
                        && version.newerNoncurrent() >= transition.kept() && transition.moves(version.storageClass())
                        && rule.filter().matches(version.key(), version.size(), version.tags()))
                .concatMap(version -> changes.noncurrent(bucket, version, transition.storageClass()))
                .filter(Boolean::booleanValue).count();
    }
}
