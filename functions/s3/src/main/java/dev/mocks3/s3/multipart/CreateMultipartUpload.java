package dev.mocks3.s3.multipart;

import org.springframework.stereotype.Component;

import dev.mocks3.core.auth.CallOwner;
import dev.mocks3.core.call.S3Call;
import dev.mocks3.core.call.S3Request;
import dev.mocks3.core.call.S3Response;
import dev.mocks3.s3.OperationFunction;
import dev.mocks3.s3.http.ObjectHeaders;
import dev.mocks3.s3.http.Responses;
import dev.mocks3.s3.object.Lookups;
import dev.mocks3.state.metadata.MultipartStore;
import reactor.core.publisher.Mono;

/** POST /bucket/key?uploads — opens an upload; the object's metadata is fixed now. */
@Component("createMultipartUpload")
public class CreateMultipartUpload extends OperationFunction {
    private final Lookups lookups;
    private final MultipartStore store;

    public CreateMultipartUpload(Lookups lookups, MultipartStore store) {
        this.lookups = lookups;
        this.store = store;
    }

    @Override
    protected Mono<S3Response> handle(S3Call call) {
        S3Request request = call.request();
        return lookups.bucket(request.bucket())
                .then(store.create(ObjectHeaders.draft(request, request.bucket(), request.key(), CallOwner.of(call))))
                .map(upload -> Responses.xml(new InitiateMultipartUploadResult(request.bucket(), request.key(), upload.uploadId()).xml()));
    }
}
