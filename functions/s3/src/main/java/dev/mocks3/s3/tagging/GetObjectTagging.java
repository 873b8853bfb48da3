package dev.mocks3.s3.tagging;

import org.springframework.stereotype.Component;

import dev.mocks3.core.call.S3Call;
import dev.mocks3.core.call.S3Request;
import dev.mocks3.core.call.S3Response;
import dev.mocks3.core.tagging.TagSet;
import dev.mocks3.s3.OperationFunction;
import dev.mocks3.s3.http.ObjectHeaders;
import dev.mocks3.s3.http.RequestedVersion;
import dev.mocks3.s3.http.Responses;
import dev.mocks3.s3.object.Lookups;
import reactor.core.publisher.Mono;

/** GET /bucket/key?tagging — the tag set of the object (or of the version named by versionId). */
@Component("getObjectTagging")
public class GetObjectTagging extends OperationFunction {
    private final Lookups lookups;

    public GetObjectTagging(Lookups lookups) {
        this.lookups = lookups;
    }

    @Override
    protected Mono<S3Response> handle(S3Call call) {
        S3Request request = call.request();
        String versionId = RequestedVersion.of(request);
        return lookups.object(request.bucket(), request.key(), versionId).map(object -> {
            S3Response response = Responses.xml(TagSet.toXml(object.tags()));
            if (versionId != null || object.versionId() != null) {
                response.headers().set(ObjectHeaders.VERSION_ID, object.versionIdOrNull());
            }
            return response;
        });
    }
}
