package dev.mocks3.core.call;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;

import dev.mocks3.core.error.S3Error;
import reactor.core.publisher.Flux;

/**
 * A body whose length is not known in advance (a form's file, a chunked PUT) held to a maximum as it
 * streams: EntityTooLarge as soon as it passes it, so nothing is buffered and nothing over it is kept.
 */
public final class BodySizeLimit {
    /** The largest object a single PUT or POST makes on S3: 5 GiB. */
    public static final long MAX_SINGLE_UPLOAD = 5L * 1024 * 1024 * 1024;

    private BodySizeLimit() {
    }

    /** The bytes of {@code body}, failing with EntityTooLarge once more than {@code max} have passed. */
    public static Flux<DataBuffer> atMost(Flux<DataBuffer> body, long max) {
        return Flux.defer(() -> {
            long[] seen = {0};
            return body.handle((buffer, sink) -> {
                seen[0] += buffer.readableByteCount();
                if (seen[0] > max) {
                    DataBufferUtils.release(buffer);
                    sink.error(S3Error.ENTITY_TOO_LARGE.exception("Your proposed upload exceeds the maximum allowed size")
                            .with("MaxSizeAllowed", Long.toString(max)));
                } else {
                    sink.next(buffer);
                }
            });
        });
    }
}
