package dev.mocks3.s3.object;

import org.springframework.stereotype.Component;

import dev.mocks3.core.call.S3Call;
import dev.mocks3.core.call.S3Response;
import dev.mocks3.s3.OperationFunction;
import dev.mocks3.s3.http.Responses;
import dev.mocks3.state.metadata.ObjectWriter;
import dev.mocks3.core.notification.S3EventNames;
import dev.mocks3.state.notification.ChangeCause;
import reactor.core.publisher.Mono;

/** DELETE /bucket/key — 204 whether or not the key existed; the blob goes with its last reference. */
@Component("deleteObject")
public class DeleteObject extends OperationFunction {
    private final Lookups lookups;
    private final ObjectWriter writer;

    public DeleteObject(Lookups lookups, ObjectWriter writer) {
        this.lookups = lookups;
        this.writer = writer;
    }

    @Override
    protected Mono<S3Response> handle(S3Call call) {
        return lookups.bucket(call.request().bucket())
                .then(writer.delete(call.request().bucket(), call.request().key(),
                        ChangeCause.of(call, S3EventNames.OBJECT_REMOVED_DELETE)))
                .thenReturn(Responses.empty(204));
    }
}
