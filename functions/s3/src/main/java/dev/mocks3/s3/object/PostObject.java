package dev.mocks3.s3.object;

import org.springframework.stereotype.Component;

import dev.mocks3.core.auth.FormAuthentication;
import dev.mocks3.core.call.S3Call;
import dev.mocks3.core.call.S3Response;
import dev.mocks3.core.form.FormRequest;
import dev.mocks3.core.form.PostFormReader;
import dev.mocks3.core.notification.S3EventNames;
import dev.mocks3.s3.OperationFunction;
import reactor.core.publisher.Mono;

/**
 * POST /bucket with {@code multipart/form-data} — a browser form upload. The fields before the file
 * name the key and the metadata and carry the signed policy; {@code authCheck} left the means to check
 * them on the call. The file then streams to the object as a PutObject body does ({@link ObjectUpload}).
 */
@Component("postObject")
public class PostObject extends OperationFunction {
    private final ObjectUpload upload;

    public PostObject(ObjectUpload upload) {
        this.upload = upload;
    }

    @Override
    protected Mono<S3Response> handle(S3Call call) {
        FormAuthentication authentication = FormAuthentication.of(call);
        return PostFormReader.read(call.request(), (fields, file) -> Mono.defer(() -> {
            S3Call form = call.withRequest(FormRequest.of(call.request(), fields, file));
            Mono<S3Call> admitted = authentication == null ? Mono.just(form) : authentication.admit(form, fields);
            return admitted.flatMap(writing -> upload.write(writing, S3EventNames.OBJECT_CREATED_POST)
                    .map(object -> PostAnswer.of(writing.request(), fields, object)));
        }));
    }
}
