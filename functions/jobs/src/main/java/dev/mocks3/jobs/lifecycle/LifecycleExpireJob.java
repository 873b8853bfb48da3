package dev.mocks3.jobs.lifecycle;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import dev.mocks3.core.lifecycle.LifecycleConfiguration;
import dev.mocks3.core.lifecycle.LifecycleRule;
import dev.mocks3.events.job.AbortUploads;
import dev.mocks3.events.job.Job;
import dev.mocks3.events.job.LifecycleExpire;
import dev.mocks3.events.job.JobEvents;
import dev.mocks3.jobs.run.JobFunction;
import dev.mocks3.jobs.run.JobLedger;
import dev.mocks3.jobs.run.Pages;
import dev.mocks3.state.metadata.LifecycleStore;
import dev.mocks3.state.metadata.ObjectRecord;
import dev.mocks3.state.metadata.ObjectStore;
import dev.mocks3.state.metadata.ObjectWriter;
import io.cloudevents.CloudEvent;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * {@code dev.mocks3.job.lifecycle.expire}: carries out one bucket's lifecycle rules as of now.
 * Expired objects are deleted (their blobs go with their last reference), each only if it has not
 * been written again since it was found expired; stale multipart uploads are handed to the
 * {@code abortUploads} job, one event per rule with an id derived from this event's.
 * A rule's Tag (or And) filter matches the tags of the current object. In a versioned bucket an
 * expired object gets a delete marker, and {@link VersionExpiry} removes noncurrent versions and
 * delete markers left alone; {@link StorageTransitions} changes storage classes.
 */
@Component("lifecycleExpire")
public class LifecycleExpireJob extends JobFunction {
    private static final int PAGE = 500;
    private final LifecycleStore lifecycles;
    private final ObjectStore objects;
    private final ObjectWriter writer;
    private final JobEvents events;
    private final LifecycleProperties properties;
    private final VersionExpiry versions;
    private final StorageTransitions transitions;

    public LifecycleExpireJob(JobLedger ledger, LifecycleStore lifecycles, ObjectStore objects, ObjectWriter writer,
                              JobEvents events, LifecycleProperties properties, VersionExpiry versions,
                              StorageTransitions transitions) {
        super(ledger, Job.LIFECYCLE_EXPIRE);
        this.lifecycles = lifecycles;
        this.objects = objects;
        this.writer = writer;
        this.events = events;
        this.properties = properties;
        this.versions = versions;
        this.transitions = transitions;
    }

    @Override
    protected Mono<Map<String, Object>> run(CloudEvent event) {
        String bucket = payload(event, LifecycleExpire.class).bucket();
        if (bucket == null) {
            return Mono.error(new IllegalArgumentException("bucket is required"));
        }
        Instant now = Instant.now();
        return lifecycles.find(bucket).map(LifecycleConfiguration::parse)
                .flatMap(configuration -> {
                    List<LifecycleRule> rules = configuration.rules();
                    Mono<Long> expired = Flux.fromIterable(rules).concatMap(rule -> expire(bucket, rule, now))
                            .reduce(0L, Long::sum);
                    Mono<Long> noncurrent = Flux.fromIterable(rules)
                            .concatMap(rule -> versions.expireNoncurrent(bucket, rule, now)).reduce(0L, Long::sum);
                    Mono<Long> markers = Flux.fromIterable(rules)
                            .concatMap(rule -> versions.removeExpiredDeleteMarkers(bucket, rule)).reduce(0L, Long::sum);
                    Mono<Long> moved = Flux.fromIterable(rules)
                            .concatMap(rule -> transitions.transition(bucket, rule, now)).reduce(0L, Long::sum);
                    Mono<Long> abortRequests = Flux.range(0, rules.size())
                            .concatMap(index -> requestAbort(event, bucket, rules.get(index), index, now))
                            .reduce(0L, Long::sum);
                    // one after the other: a version that expiry made noncurrent waits its days, and a delete
                    // marker that noncurrent expiry left alone goes in the same run
                    return Flux.concat(expired, noncurrent, markers, moved, abortRequests).collectList().map(counts -> {
                        Map<String, Object> result = new LinkedHashMap<>();
                        result.put("bucket", bucket);
                        result.put("expired_objects", counts.get(0));
                        result.put("expired_noncurrent_versions", counts.get(1));
                        result.put("expired_delete_markers", counts.get(2));
                        result.put("transitioned", counts.get(3));
                        result.put("abort_jobs", counts.get(4));
                        return result;
                    });
                })
                .defaultIfEmpty(Map.of("bucket", bucket, "expired_objects", 0L, "expired_noncurrent_versions", 0L,
                        "expired_delete_markers", 0L, "transitioned", 0L, "abort_jobs", 0L));
    }

    private Mono<Long> expire(String bucket, LifecycleRule rule, Instant now) {
        Instant cutoff = rule.expiresObjects() ? rule.expiredIfModifiedBy(now, properties.day()) : null;
        if (cutoff == null) {
            return Mono.just(0L);
        }
        return Pages.all((after, size) -> objects.modifiedBy(bucket, rule.filter().prefix(), cutoff, after, size),
                        ObjectRecord::key, PAGE)
                .filter(object -> rule.filter().matches(object.key(), object.size(), object.tags()))
                .concatMap(object -> writer.deleteIfModifiedBy(bucket, object.key(), cutoff))
                .filter(Boolean::booleanValue).count();
    }

    private Mono<Long> requestAbort(CloudEvent event, String bucket, LifecycleRule rule, int index, Instant now) {
        if (!rule.abortsUploads()) {
            return Mono.just(0L);
        }
        AbortUploads abort = new AbortUploads(bucket, rule.filter().prefix(), rule.abortIfInitiatedBy(now, properties.day()));
        return events.request(Job.ABORT_UPLOADS, event.getId() + "/abort/" + index, bucket, abort).thenReturn(1L);
    }
}
