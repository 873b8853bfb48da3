package dev.mocks3.s3.object;

import org.springframework.stereotype.Component;

import dev.mocks3.core.call.S3Call;
import dev.mocks3.core.call.S3Response;
import dev.mocks3.s3.OperationFunction;
import dev.mocks3.s3.http.ObjectHeaders;
import dev.mocks3.s3.http.RequestedVersion;
import dev.mocks3.s3.http.Responses;
import dev.mocks3.s3.lock.LockedBuckets;
import dev.mocks3.state.metadata.ObjectWriter;
import dev.mocks3.core.notification.S3EventNames;
import dev.mocks3.state.notification.ChangeCause;
import reactor.core.publisher.Mono;

/**
 * DELETE /bucket/key — 204 whether or not the key existed; the blob goes with its last reference. In
 * a versioned bucket it adds a delete marker; with {@code versionId} it removes that version for good,
 * unless Object Lock protects it (403 AccessDenied). If-Match makes it conditional on the key's current
 * object ({@link DeletePrecondition}).
 */
@Component("deleteObject")
public class DeleteObject extends OperationFunction {
    private final LockedBuckets buckets;
    private final ObjectWriter writer;

    public DeleteObject(LockedBuckets buckets, ObjectWriter writer) {
        this.buckets = buckets;
        this.writer = writer;
    }

    @Override
    protected Mono<S3Response> handle(S3Call call) {
        String versionId = RequestedVersion.of(call.request());
        return buckets.deleteGuard(call)
                .flatMap(guard -> writer.delete(call.request().bucket(), call.request().key(), versionId,
                        ChangeCause.of(call, S3EventNames.OBJECT_REMOVED_DELETE), guard,
                        DeletePrecondition.of(call.request().bucket(), call.request().key(), call.request().header("If-Match"))))
                .map(deletion -> {
                    S3Response response = Responses.empty(204);
                    if (deletion.versionId() != null) {
                        response.headers().set(ObjectHeaders.VERSION_ID, deletion.versionId());
                    }
                    if (deletion.deleteMarker()) {
                        response.headers().set("x-amz-delete-marker", "true");
                    }
                    return response;
                });
    }
}
