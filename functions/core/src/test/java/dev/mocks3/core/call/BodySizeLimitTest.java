package dev.mocks3.core.call;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.nio.ByteBuffer;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;

import dev.mocks3.core.error.S3Exception;
import reactor.core.publisher.Flux;

/** A body of undeclared length (a form's file) held to S3's 5 GiB as it streams, without buffering it. */
class BodySizeLimitTest {
    private static final int MIB = 1024 * 1024;
    private static final ByteBuffer ONE_MIB = ByteBuffer.allocateDirect(MIB).asReadOnlyBuffer();

    @Test
    void fiveGibPassesWhole() {
        AtomicLong passed = new AtomicLong();
        BodySizeLimit.atMost(mebibytes(5 * 1024), BodySizeLimit.MAX_SINGLE_UPLOAD)
                .doOnNext(buffer -> passed.addAndGet(buffer.readableByteCount())).blockLast();
        assertThat(passed).hasValue(BodySizeLimit.MAX_SINGLE_UPLOAD);
    }

    @Test
    void aByteMoreThanFiveGibIsEntityTooLargeBeforeItPasses() {
        AtomicLong passed = new AtomicLong();
        Flux<DataBuffer> body = mebibytes(5 * 1024).concatWith(Flux.just(DefaultDataBufferFactory.sharedInstance.wrap(new byte[1])));
        Throwable error = catchThrowable(() -> BodySizeLimit.atMost(body, BodySizeLimit.MAX_SINGLE_UPLOAD)
                .doOnNext(buffer -> passed.addAndGet(buffer.readableByteCount())).blockLast());
        assertThat(error).isInstanceOfSatisfying(S3Exception.class, e -> {
            assertThat(e.code()).isEqualTo("EntityTooLarge");
            assertThat(e.status()).isEqualTo(400);
        });
        assertThat(passed).as("nothing over the limit reaches the store").hasValue(BodySizeLimit.MAX_SINGLE_UPLOAD);
    }

    /** {@code count} MiB as views of one buffer: nothing is allocated per MiB. */
    private static Flux<DataBuffer> mebibytes(int count) {
        return Flux.range(0, count).map(i -> DefaultDataBufferFactory.sharedInstance.wrap(ONE_MIB.duplicate()));
    }
}
