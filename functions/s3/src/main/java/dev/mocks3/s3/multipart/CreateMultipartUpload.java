package dev.mocks3.s3.multipart;

import org.springframework.stereotype.Component;

import dev.mocks3.core.auth.CallOwner;
import dev.mocks3.core.call.S3Call;
import dev.mocks3.core.call.S3Request;
import dev.mocks3.core.call.S3Response;
import dev.mocks3.s3.OperationFunction;
import dev.mocks3.s3.http.ObjectHeaders;
import dev.mocks3.s3.http.Responses;
import dev.mocks3.s3.config.WritableBuckets;
import dev.mocks3.s3.encryption.ObjectEncryption;
import dev.mocks3.state.metadata.MultipartStore;
import dev.mocks3.state.metadata.ObjectDraft;
import reactor.core.publisher.Mono;

/**
 * POST /bucket/key?uploads — opens an upload; the object's metadata is fixed now, and so is its checksum
 * ({@code x-amz-checksum-algorithm}, {@code x-amz-checksum-type}).
 */
@Component("createMultipartUpload")
public class CreateMultipartUpload extends OperationFunction {
    private final WritableBuckets buckets;
    private final MultipartStore store;

    public CreateMultipartUpload(WritableBuckets buckets, MultipartStore store) {
        this.buckets = buckets;
        this.store = store;
    }

    @Override
    protected Mono<S3Response> handle(S3Call call) {
        S3Request request = call.request();
        UploadChecksum checksum = UploadChecksum.requested(request.headers());
        ObjectDraft draft = ObjectHeaders.draft(request, request.bucket(), request.key(), CallOwner.of(call));
        ObjectDraft withChecksum = new ObjectDraft(draft.bucket(), draft.key(), draft.contentType(),
                checksum.into(draft.headers()), draft.userMetadata(), draft.storageClass(), draft.owner(), draft.tags());
        return buckets.of(request.bucket())
                .map(bucket -> WritableBuckets.withSettings(withChecksum, call, bucket))
                .flatMap(store::create)
                .map(upload -> {
                    S3Response response = Responses.xml(
                            new InitiateMultipartUploadResult(request.bucket(), request.key(), upload.uploadId()).xml());
                    ObjectEncryption.echo(upload.draft().headers(), response.headers());
                    checksum.writeTo(response.headers());
                    return response;
                });
    }
}
