package dev.mocks3.s3.multipart;

import org.springframework.stereotype.Component;

import dev.mocks3.core.call.S3Call;
import dev.mocks3.core.call.S3Response;
import dev.mocks3.core.error.S3Error;
import dev.mocks3.s3.OperationFunction;
import dev.mocks3.s3.http.Responses;
import dev.mocks3.state.metadata.MultipartStore;
import reactor.core.publisher.Mono;

/** GET /bucket/key?uploadId=U — the parts received so far, paged by part-number-marker. */
@Component("listParts")
public class ListParts extends OperationFunction {
    private final Uploads uploads;
    private final MultipartStore store;

    public ListParts(Uploads uploads, MultipartStore store) {
        this.uploads = uploads;
        this.store = store;
    }

    @Override
    protected Mono<S3Response> handle(S3Call call) {
        int marker = number(call.request().queryParam("part-number-marker"), 0, "part-number-marker");
        int maxParts = Math.min(number(call.request().queryParam("max-parts"), 1000, "max-parts"), 1000);
        return uploads.of(call.request()).flatMap(upload -> store.parts(upload.uploadId(), marker, maxParts + 1)
                .collectList().map(parts -> {
                    boolean truncated = parts.size() > maxParts;
                    var page = truncated ? parts.subList(0, maxParts) : parts;
                    return Responses.xml(new ListPartsResult(upload, marker, maxParts, truncated, page).xml());
                }));
    }

    public static int number(String value, int fallback, String name) {
        if (value == null) {
            return fallback;
        }
        try {
            int parsed = Integer.parseInt(value.trim());
            if (parsed >= 0) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // fall through
        }
        throw S3Error.INVALID_ARGUMENT.exception("Argument " + name + " must be an integer between 0 and 2147483647")
                .with("ArgumentName", name).with("ArgumentValue", value);
    }
}
