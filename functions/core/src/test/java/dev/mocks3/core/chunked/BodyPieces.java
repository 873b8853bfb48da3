package dev.mocks3.core.chunked;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.core.io.buffer.NettyDataBufferFactory;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.UnpooledByteBufAllocator;
import reactor.core.publisher.Flux;

/**
 * Delivers a body as reference-counted Netty buffers of a chosen size, allocated only when
 * requested, the way a server hands them over; and checks afterwards that every one was released.
 */
public final class BodyPieces {
    private final NettyDataBufferFactory factory = new NettyDataBufferFactory(new UnpooledByteBufAllocator(false));
    private final List<ByteBuf> allocated = new ArrayList<>();

    public Flux<DataBuffer> split(byte[] bytes, int pieceSize) {
        return Flux.<DataBuffer, Integer>generate(() -> 0, (offset, sink) -> {
            if (offset >= bytes.length) {
                sink.complete();
                return offset;
            }
            int length = Math.min(pieceSize, bytes.length - offset);
            DataBuffer piece = factory.allocateBuffer(length).write(bytes, offset, length);
            allocated.add(NettyDataBufferFactory.toByteBuf(piece));
            sink.next(piece);
            return offset + length;
        }).hide(); // a server's body is not a fusable source: no draining of unrequested pieces on cancel
    }

    /** Reads the whole body, releasing each buffer as a consumer would. */
    public static byte[] drain(Flux<DataBuffer> body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        body.doOnNext(buffer -> {
            byte[] bytes = new byte[buffer.readableByteCount()];
            buffer.read(bytes);
            out.writeBytes(bytes);
            DataBufferUtils.release(buffer);
        }).blockLast();
        return out.toByteArray();
    }

    public void assertAllReleased() {
        long leaked = allocated.stream().filter(buf -> buf.refCnt() != 0).count();
        assertThat(leaked).as("buffers still referenced, of %d received", allocated.size()).isZero();
    }
}
