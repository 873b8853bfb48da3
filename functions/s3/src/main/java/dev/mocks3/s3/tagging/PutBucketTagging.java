package dev.mocks3.s3.tagging;

import org.springframework.stereotype.Component;

import dev.mocks3.core.call.S3Call;
import dev.mocks3.core.call.S3Response;
import dev.mocks3.core.error.S3Error;
import dev.mocks3.core.tagging.TagSet;
import dev.mocks3.s3.OperationFunction;
import dev.mocks3.s3.http.Responses;
import dev.mocks3.s3.http.SmallBody;
import dev.mocks3.s3.object.Lookups;
import dev.mocks3.state.metadata.BucketTagStore;
import reactor.core.publisher.Mono;

/** PUT /bucket?tagging — replaces the bucket's tag set (up to 50 tags); 204 as S3 answers. */
@Component("putBucketTagging")
public class PutBucketTagging extends OperationFunction {
    private final Lookups lookups;
    private final BucketTagStore tags;

    public PutBucketTagging(Lookups lookups, BucketTagStore tags) {
        this.lookups = lookups;
        this.tags = tags;
    }

    @Override
    protected Mono<S3Response> handle(S3Call call) {
        String bucket = call.request().bucket();
        return lookups.bucket(bucket)
                .then(SmallBody.read(call.request().body()))
                .flatMap(body -> tags.put(bucket, TagSet.fromXml(body, TagSet.MAX_BUCKET_TAGS)))
                // false: the bucket went away since it was looked up
                .map(stored -> {
                    if (!stored) {
                        throw S3Error.NO_SUCH_BUCKET.at("/" + bucket).with("BucketName", bucket);
                    }
                    return Responses.empty(204);
                });
    }
}
