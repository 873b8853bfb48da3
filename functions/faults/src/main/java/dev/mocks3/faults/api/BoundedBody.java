package dev.mocks3.faults.api;

import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.web.reactive.function.BodyExtractors;
import org.springframework.web.reactive.function.server.ServerRequest;

import reactor.core.publisher.Mono;

/**
 * A request body read to its end before the answer, so that a server refusing it does not close with
 * unread bytes (the client then sees a reset instead of the answer): the first {@code keep} bytes are
 * kept, the rest is read and dropped, up to {@link #DROP_LIMIT} bytes or for {@link #DROP_TIME} at most.
 */
final class BoundedBody {
    /** Beyond this a body is left unread, and the answer closes the connection. */
    static final long DROP_LIMIT = 64L << 20;
    /** A body still trickling in after this is left unread too. */
    static final Duration DROP_TIME = Duration.ofSeconds(10);

    /**
     * @param kept  the body's bytes when it fits in {@code keep} and arrived whole, else null
     * @param whole whether the body was read to its end (the connection can then stay open)
     * @param size  the bytes read
     * @param keep  the most bytes kept
     */
    record Read(byte[] kept, boolean whole, long size, int keep) {
        /** More bytes came than are kept. */
        boolean tooLarge() {
            return size > keep;
        }

        /** It fits, but did not arrive within {@link #DROP_TIME}. */
        boolean tooSlow() {
            return !whole && !tooLarge();
        }
    }

    private BoundedBody() {
    }

    static Mono<Read> read(ServerRequest request, int keep) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        AtomicLong read = new AtomicLong();
        AtomicBoolean whole = new AtomicBoolean();
        return request.body(BodyExtractors.toDataBuffers())
                .doOnNext(buffer -> {
                    try {
                        long total = read.addAndGet(buffer.readableByteCount());
                        if (total <= keep) {
                            byte[] chunk = new byte[buffer.readableByteCount()];
                            buffer.read(chunk);
                            bytes.writeBytes(chunk);
                        }
                    } finally {
                        DataBufferUtils.release(buffer);
                    }
                })
                .doOnComplete(() -> whole.set(true))
                .takeUntil(buffer -> read.get() > DROP_LIMIT)
                .take(DROP_TIME)
                .then(Mono.fromSupplier(() -> new Read(whole.get() && read.get() <= keep ? bytes.toByteArray() : null,
                        whole.get(), read.get(), keep)));
    }
}
