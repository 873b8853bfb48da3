package dev.mocks3.s3.tagging;

import org.springframework.stereotype.Component;

import dev.mocks3.core.call.S3Call;
import dev.mocks3.core.call.S3Response;
import dev.mocks3.core.error.S3Error;
import dev.mocks3.core.tagging.TagSet;
import dev.mocks3.s3.OperationFunction;
import dev.mocks3.s3.http.Responses;
import dev.mocks3.s3.object.Lookups;
import dev.mocks3.state.metadata.BucketTagStore;
import reactor.core.publisher.Mono;

/** GET /bucket?tagging — the bucket's tag set, or 404 NoSuchTagSet. */
@Component("getBucketTagging")
public class GetBucketTagging extends OperationFunction {
    private final Lookups lookups;
    private final BucketTagStore tags;

    public GetBucketTagging(Lookups lookups, BucketTagStore tags) {
        this.lookups = lookups;
        this.tags = tags;
    }

    @Override
    protected Mono<S3Response> handle(S3Call call) {
        String bucket = call.request().bucket();
        return lookups.bucket(bucket)
                .then(tags.find(bucket))
                .map(found -> Responses.xml(TagSet.toXml(found)))
                .switchIfEmpty(Mono.error(() -> S3Error.NO_SUCH_TAG_SET.at("/" + bucket).with("BucketName", bucket)));
    }
}
