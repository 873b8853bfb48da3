package dev.mocks3.jobs.lifecycle;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import dev.mocks3.core.error.S3Exception;
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
 * delete markers left alone; {@link StorageTransitions} changes storage classes. A bucket whose stored
 * configuration cannot be parsed is skipped, not failed.
 */
@Component("lifecycleExpire")
public class LifecycleExpireJob extends JobFunction {
    private static final Logger log = LoggerFactory.getLogger(LifecycleExpireJob.class);
    private static final int PAGE = 500;
    private static final List<String> COUNTS = List.of("expired_objects", "expired_noncurrent_versions",
            "expired_delete_markers", "transitioned", "abort_jobs");
    private static final List<Long> NOTHING_DONE = List.of(0L, 0L, 0L, 0L, 0L);
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
        return lifecycles.find(bucket)
                .flatMap(document -> readable(bucket, document).map(rules -> carryOut(event, bucket, rules, now))
                        .orElseGet(() -> Mono.just(result(bucket, NOTHING_DONE, "lifecycle configuration cannot be parsed"))))
                .defaultIfEmpty(result(bucket, NOTHING_DONE, null));
    }

    /**
     * The bucket's stored rules; none, logged once per run, when the document cannot be parsed (as one another
     * release stored may not be): the bucket is skipped, with nothing deleted on rules this run cannot read,
     * rather than failing its job again on every delivery.
     */
    private static Optional<LifecycleConfiguration> readable(String bucket, byte[] document) {
        try {
            return Optional.of(LifecycleConfiguration.parse(document));
        } catch (S3Exception unparseable) {
            log.warn("lifecycle run skips bucket {}: its stored lifecycle configuration cannot be parsed ({}: {})", bucket,
                    unparseable.code(), unparseable.getMessage());
            return Optional.empty();
        }
    }

    private Mono<Map<String, Object>> carryOut(CloudEvent event, String bucket, LifecycleConfiguration configuration,
                                               Instant now) {
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
        return Flux.concat(expired, noncurrent, markers, moved, abortRequests).collectList()
                .map(counts -> result(bucket, counts, null));
    }

    /** The run's answer: its counts in {@link #COUNTS} order, and why the bucket was skipped, if it was. */
    private static Map<String, Object> result(String bucket, List<Long> counts, String skipped) {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("bucket", bucket);
        for (int i = 0; i < COUNTS.size(); i++) {
            result.put(COUNTS.get(i), counts.get(i));
        }
        if (skipped != null) {
            result.put("skipped", skipped);
        }
        return result;
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
