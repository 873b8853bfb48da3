package dev.mocks3.s3.tagging;

import org.springframework.stereotype.Component;

import dev.mocks3.core.call.S3Call;
import dev.mocks3.core.call.S3Response;
import dev.mocks3.core.notification.S3EventNames;
import dev.mocks3.core.tagging.TagSet;
import dev.mocks3.s3.OperationFunction;
import dev.mocks3.s3.http.SmallBody;
import reactor.core.publisher.Mono;

/** PUT /bucket/key?tagging — replaces the tag set of the object (or of the version named by versionId). */
@Component("putObjectTagging")
public class PutObjectTagging extends OperationFunction {
    private final ObjectTags tags;

    public PutObjectTagging(ObjectTags tags) {
        this.tags = tags;
    }

    @Override
    protected Mono<S3Response> handle(S3Call call) {
        return tags.replace(call, SmallBody.read(call.request().body())
                .map(body -> TagSet.fromXml(body, TagSet.MAX_OBJECT_TAGS)), 200,
                S3EventNames.OBJECT_TAGGING_PUT);
    }
}
