package dev.mocks3.jobs.upstream;

import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;

import dev.mocks3.core.error.S3Error;
import dev.mocks3.core.error.S3Exception;
import dev.mocks3.core.notification.S3EventNames;
import dev.mocks3.events.job.FetchUpstream;
import dev.mocks3.events.job.Job;
import dev.mocks3.jobs.run.JobFunction;
import dev.mocks3.jobs.run.JobLedger;
import dev.mocks3.state.blob.BlobStaging;
import dev.mocks3.state.metadata.BucketStore;
import dev.mocks3.state.metadata.ObjectDraft;
import dev.mocks3.state.metadata.ObjectStore;
import dev.mocks3.state.metadata.ObjectWriter;
import dev.mocks3.state.metadata.WriteCondition;
import dev.mocks3.state.notification.ChangeCause;
import dev.mocks3.state.upstream.UpstreamObject;
import dev.mocks3.state.upstream.UpstreamReader;
import dev.mocks3.state.upstream.UpstreamStore;
import io.cloudevents.CloudEvent;
import reactor.core.publisher.Mono;

/**
 * {@code dev.mocks3.job.upstream.fetch}: stores a key read through from its bucket's upstream in the
 * bucket, so the next GET is local. It reads the upstream again and writes the object only if the
 * bucket still does not hold the key (a client's own write since then wins).
 */
@Component("fetchUpstream")
public class FetchUpstreamJob extends JobFunction {
    private static final WriteCondition ABSENT = current -> {
        if (current.isPresent()) {
            throw S3Error.PRECONDITION_FAILED.exception();
        }
    };
    private final UpstreamStore upstreams;
    private final UpstreamReader reader;
    private final BucketStore buckets;
    private final ObjectStore objects;
    private final ObjectWriter writer;
    private final BlobStaging staging;

    public FetchUpstreamJob(JobLedger ledger, UpstreamStore upstreams, UpstreamReader reader, BucketStore buckets,
                            ObjectStore objects, ObjectWriter writer, BlobStaging staging) {
        super(ledger, Job.FETCH_UPSTREAM);
        this.upstreams = upstreams;
        this.reader = reader;
        this.buckets = buckets;
        this.objects = objects;
        this.writer = writer;
        this.staging = staging;
    }

    @Override
    protected Mono<Map<String, Object>> run(CloudEvent event) {
        FetchUpstream request = payload(event, FetchUpstream.class);
        if (request.bucket() == null || request.key() == null) {
            return Mono.error(new IllegalArgumentException("bucket and key are required"));
        }
        String bucket = request.bucket();
        String key = request.key();
        Mono<Map<String, Object>> fetch = upstreams.find(bucket)
                .flatMap(upstream -> reader.get(upstream, key, null))
                .zipWith(buckets.find(bucket))
                .flatMap(found -> store(found.getT1(), new ObjectDraft(bucket, key, found.getT1().contentType(),
                        Map.of(), found.getT1().userMetadata(), "STANDARD", found.getT2().owner())))
                .defaultIfEmpty(outcome(bucket, key, "not found upstream", null));
        return objects.find(bucket, key).map(Optional::of).defaultIfEmpty(Optional.empty())
                .flatMap(local -> local.isPresent() ? Mono.just(outcome(bucket, key, "held locally", null)) : fetch);
    }

    private Mono<Map<String, Object>> store(UpstreamObject object, ObjectDraft draft) {
        return staging.stage(object.body())
                .flatMap(staged -> writer.write(draft, staged, null, ABSENT, ChangeCause.internal(S3EventNames.OBJECT_CREATED_PUT)))
                .map(stored -> outcome(draft.bucket(), draft.key(), "stored", stored.size()))
                .onErrorResume(e -> e instanceof S3Exception s3 && s3.error() == S3Error.PRECONDITION_FAILED,
                        e -> Mono.just(outcome(draft.bucket(), draft.key(), "held locally", null)));
    }

    private static Map<String, Object> outcome(String bucket, String key, String outcome, Long size) {
        return size == null ? Map.of("bucket", bucket, "key", key, "outcome", outcome)
                : Map.of("bucket", bucket, "key", key, "outcome", outcome, "size", size);
    }
}
