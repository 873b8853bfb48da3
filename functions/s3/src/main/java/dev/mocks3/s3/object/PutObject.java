package dev.mocks3.s3.object;


import org.springframework.stereotype.Component;

import dev.mocks3.core.call.S3Call;
import dev.mocks3.core.call.S3Response;
import dev.mocks3.core.notification.S3EventNames;
import dev.mocks3.s3.OperationFunction;
import dev.mocks3.s3.http.Responses;
import dev.mocks3.s3.lifecycle.ExpirationHeader;
import reactor.core.publisher.Mono;

/** PUT /bucket/key — the body becomes the object through {@link ObjectUpload}. */
@Component("putObject")
public class PutObject extends OperationFunction {
    private final ObjectUpload upload;
    private final ExpirationHeader expiration;

    public PutObject(ObjectUpload upload, ExpirationHeader expiration) {
        this.upload = upload;
        this.expiration = expiration;
    }

    @Override
    protected Mono<S3Response> handle(S3Call call) {
        return upload.write(call, S3EventNames.OBJECT_CREATED_PUT).flatMap(object -> {
            S3Response response = Responses.empty(200);
            ObjectUpload.writtenHeaders(response.headers(), object);
            return expiration.describe(object, response.headers()).thenReturn(response);
        });
    }
}
