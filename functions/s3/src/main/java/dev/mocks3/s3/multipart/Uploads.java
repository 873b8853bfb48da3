package dev.mocks3.s3.multipart;

import org.springframework.stereotype.Component;

import dev.mocks3.core.call.S3Request;
import dev.mocks3.core.error.S3Error;
import dev.mocks3.s3.object.Lookups;
import dev.mocks3.state.metadata.MultipartStore;
import dev.mocks3.state.metadata.MultipartUpload;
import reactor.core.publisher.Mono;

/** Finds the upload a request names by uploadId, or NoSuchUpload. */
@Component
public class Uploads {
    private final Lookups lookups;
    private final MultipartStore store;

    public Uploads(Lookups lookups, MultipartStore store) {
        this.lookups = lookups;
        this.store = store;
    }

    public Mono<MultipartUpload> of(S3Request request) {
        return find(request).switchIfEmpty(Mono.error(() -> noSuchUpload(request)));
    }

    /** The open upload, or empty (NoSuchBucket when the bucket is missing). */
    public Mono<MultipartUpload> find(S3Request request) {
        String uploadId = request.queryParam("uploadId");
        return lookups.bucket(request.bucket())
                .then(store.find(request.bucket(), request.key(), uploadId == null ? "" : uploadId));
    }

    static RuntimeException noSuchUpload(S3Request request) {
        return S3Error.NO_SUCH_UPLOAD.at(request.resource()).with("UploadId", request.queryParam("uploadId"));
    }

    static int partNumber(String value) {
        try {
            int number = Integer.parseInt(value);
            if (number >= 1 && number <= 10000) {
                return number;
            }
        } catch (NumberFormatException e) {
            // fall through to the S3 error
        }
        throw S3Error.INVALID_ARGUMENT.exception("Part number must be an integer between 1 and 10000, inclusive")
                .with("ArgumentName", "partNumber").with("ArgumentValue", value);
    }
}
