package dev.mocks3.s3.http;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;

import dev.mocks3.core.error.S3Error;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Reads a request body that is an XML document of bounded size (DeleteObjects, CompleteMultipartUpload). */
public final class SmallBody {
    public static final int LIMIT = 2 * 1024 * 1024;

    private SmallBody() {
    }

    public static Mono<byte[]> read(Flux<DataBuffer> body) {
        return DataBufferUtils.join(body, LIMIT)
                .map(buffer -> {
                    byte[] bytes = new byte[buffer.readableByteCount()];
                    buffer.read(bytes);
                    DataBufferUtils.release(buffer);
                    return bytes;
                })
                .defaultIfEmpty(new byte[0])
                .onErrorMap(DataBufferLimitException.class, e -> S3Error.MALFORMED_XML.exception());
    }
}
