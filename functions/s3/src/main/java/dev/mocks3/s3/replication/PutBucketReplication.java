package dev.mocks3.s3.replication;

import org.springframework.stereotype.Component;

import dev.mocks3.core.call.S3Call;
import dev.mocks3.core.call.S3Response;
import dev.mocks3.core.error.S3Error;
import dev.mocks3.s3.OperationFunction;
import dev.mocks3.s3.config.BucketDocuments;
import dev.mocks3.s3.http.Responses;
import dev.mocks3.s3.http.SmallBody;
import dev.mocks3.s3.object.Lookups;
import dev.mocks3.state.config.BucketSetting;
import dev.mocks3.state.metadata.BucketRecord;
import dev.mocks3.state.metadata.BucketStore;
import dev.mocks3.state.metadata.Versioning;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * PUT /bucket?replication — stores the replication rules when the bucket's versioning is Enabled and every
 * destination bucket exists with versioning Enabled (else InvalidRequest, as S3). Objects are not replicated.
 */
@Component("putBucketReplication")
public class PutBucketReplication extends OperationFunction {
    private final Lookups lookups;
    private final BucketStore buckets;
    private final BucketDocuments documents;

    public PutBucketReplication(Lookups lookups, BucketStore buckets, BucketDocuments documents) {
        this.lookups = lookups;
        this.buckets = buckets;
        this.documents = documents;
    }

    @Override
    protected Mono<S3Response> handle(S3Call call) {
        String bucket = call.request().bucket();
        return lookups.bucket(bucket)
                .zipWith(SmallBody.read(call.request().body()).map(ReplicationConfiguration::parse))
                .flatMap(sourceAndRules -> {
                    if (sourceAndRules.getT1().versioning() != Versioning.ENABLED) {
                        return Mono.error(S3Error.INVALID_REQUEST
                                .exception("Versioning must be 'Enabled' on the bucket to apply a replication configuration"));
                    }
                    ReplicationConfiguration rules = sourceAndRules.getT2();
                    return Flux.fromIterable(rules.destinations()).concatMap(this::destination)
                            .then(documents.store(bucket, BucketSetting.REPLICATION, rules.content()));
                })
                .thenReturn(Responses.empty(200));
    }

    private Mono<BucketRecord> destination(String name) {
        return buckets.find(name)
                .switchIfEmpty(Mono.error(() -> S3Error.INVALID_REQUEST.exception("Destination bucket must exist.")))
                .filter(found -> found.versioning() == Versioning.ENABLED)
                .switchIfEmpty(Mono.error(() -> S3Error.INVALID_REQUEST.exception("Destination bucket must have versioning enabled.")));
    }
}
