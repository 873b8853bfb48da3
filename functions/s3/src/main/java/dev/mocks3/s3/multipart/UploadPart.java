package dev.mocks3.s3.multipart;

import org.springframework.stereotype.Component;

import dev.mocks3.core.call.S3Call;
import dev.mocks3.core.call.S3Request;
import dev.mocks3.core.call.S3Response;
import dev.mocks3.s3.OperationFunction;
import dev.mocks3.s3.encryption.ObjectEncryption;
import dev.mocks3.s3.lock.WriteLock;
import dev.mocks3.state.blob.BlobStaging;
import dev.mocks3.s3.http.Responses;
import dev.mocks3.state.metadata.MultipartStore;
import reactor.core.publisher.Mono;

/** PUT /bucket/key?partNumber=N&uploadId=U — stores one part (replacing an earlier one with that number). */
@Component("uploadPart")
public class UploadPart extends OperationFunction {
    private final Uploads uploads;
    private final BlobStaging staging;
    private final MultipartStore store;

    public UploadPart(Uploads uploads, BlobStaging staging, MultipartStore store) {
        this.uploads = uploads;
        this.staging = staging;
        this.store = store;
    }

    @Override
    protected Mono<S3Response> handle(S3Call call) {
        S3Request request = call.request();
        int partNumber = Uploads.partNumber(request.queryParam("partNumber"));
        return uploads.of(request)
                .flatMap(upload -> {
                    ObjectEncryption.checkRead(upload.draft().headers(), request.headers());
                    WriteLock.checkPart(upload.draft().headers(), request.headers());
                    return staging.stage(request.body())
                            .flatMap(staged -> store.putPart(upload.uploadId(), partNumber, staged))
                            .map(part -> {
                                S3Response response = Responses.empty(200);
                                response.headers().set("ETag", part.quotedEtag());
                                ObjectEncryption.echo(upload.draft().headers(), response.headers());
                                return response;
                            });
                });
    }
}
