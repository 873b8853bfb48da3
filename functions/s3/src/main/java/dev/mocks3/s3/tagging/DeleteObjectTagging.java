package dev.mocks3.s3.tagging;

import java.util.Map;

import org.springframework.stereotype.Component;

import dev.mocks3.core.call.S3Call;
import dev.mocks3.core.call.S3Response;
import dev.mocks3.core.notification.S3EventNames;
import dev.mocks3.s3.OperationFunction;
import reactor.core.publisher.Mono;

/** DELETE /bucket/key?tagging — removes every tag of the object (or of the version named by versionId). */
@Component("deleteObjectTagging")
public class DeleteObjectTagging extends OperationFunction {
    private final ObjectTags tags;

    public DeleteObjectTagging(ObjectTags tags) {
        this.tags = tags;
    }

    @Override
    protected Mono<S3Response> handle(S3Call call) {
        return tags.replace(call, Mono.just(Map.of()), 204, S3EventNames.OBJECT_TAGGING_DELETE);
    }
}
