package dev.mocks3.core.checksum;

import java.nio.ByteBuffer;

import org.springframework.core.io.buffer.DataBuffer;

/** A digest being computed over a stream, one buffer at a time. Not thread-safe; one per body. */
public interface RunningChecksum {

    void update(ByteBuffer bytes);

    /** The digest of everything seen so far, in the byte order S3 encodes it (big-endian for CRCs). */
    byte[] finish();

    /** Digests the readable bytes of {@code buffer} without moving its read position. */
    default void update(DataBuffer buffer) {
        try (DataBuffer.ByteBufferIterator views = buffer.readableByteBuffers()) {
            while (views.hasNext()) {
                update(views.next());
            }
        }
    }
}
