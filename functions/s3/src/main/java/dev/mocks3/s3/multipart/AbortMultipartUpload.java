package dev.mocks3.s3.multipart;

import org.springframework.stereotype.Component;

import dev.mocks3.core.call.S3Call;
import dev.mocks3.core.call.S3Response;
import dev.mocks3.s3.OperationFunction;
import dev.mocks3.s3.http.Responses;
import dev.mocks3.state.metadata.MultipartStore;
import reactor.core.publisher.Mono;

/** DELETE /bucket/key?uploadId=U — drops the upload; parts no other upload or object uses are deleted. */
@Component("abortMultipartUpload")
public class AbortMultipartUpload extends OperationFunction {
    private final Uploads uploads;
    private final MultipartStore store;

    public AbortMultipartUpload(Uploads uploads, MultipartStore store) {
        this.uploads = uploads;
        this.store = store;
    }

    @Override
    protected Mono<S3Response> handle(S3Call call) {
        return uploads.of(call.request())
                .flatMap(upload -> store.remove(upload.uploadId()))
                .thenReturn(Responses.empty(204));
    }
}
