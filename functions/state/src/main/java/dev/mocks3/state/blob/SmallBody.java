package dev.mocks3.state.blob;

import java.nio.ByteBuffer;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;

import dev.mocks3.core.checksum.ChecksumAlgorithm;
import dev.mocks3.core.checksum.RunningChecksum;

/**
 * A body small enough to be kept in its blob's row ({@code blobs.content}, state V21) rather than in a
 * file, held in memory with its digests: writing it creates no file at all.
 *
 * @param digests every digest of the bytes (SHA-256, MD5, CRC32 and any extra asked for), raw bytes
 */
public record SmallBody(byte[] bytes, String sha256, String md5Hex, String crc32, Map<ChecksumAlgorithm, byte[]> digests) {
    /**
     * The largest body kept in its row: a row of up to about 8 KB stays in its heap page (V21's
     * toast_tuple_target), so its write and read touch no TOAST table.
     */
    public static final int MAX_BYTES = 8000;

    /** Whether a body of {@code declaredLength} bytes (-1: not declared) is kept in its row. */
    public static boolean fits(long declaredLength) {
        return declaredLength >= 0 && declaredLength <= MAX_BYTES;
    }

    /** The bytes with the digests of {@code algorithms} computed over them. */
    static SmallBody of(byte[] bytes, List<ChecksumAlgorithm> algorithms) {
        Map<ChecksumAlgorithm, byte[]> digests = new EnumMap<>(ChecksumAlgorithm.class);
        for (ChecksumAlgorithm algorithm : algorithms) {
            RunningChecksum checksum = algorithm.start();
            checksum.update(ByteBuffer.wrap(bytes));
            digests.put(algorithm, checksum.finish());
        }
        HexFormat hex = HexFormat.of();
        return new SmallBody(bytes, hex.formatHex(digests.get(ChecksumAlgorithm.SHA256)),
                hex.formatHex(digests.get(ChecksumAlgorithm.MD5)),
                ChecksumAlgorithm.CRC32.base64(digests.get(ChecksumAlgorithm.CRC32)), Map.copyOf(digests));
    }

    /** {@code length} bytes of {@code content} (a small blob's bytes as its row keeps them) from {@code offset}, fewer past its end. */
    public static DataBuffer range(byte[] content, long offset, long length) {
        int from = (int) Math.min(offset, content.length);
        int to = (int) Math.min(content.length, offset + length);
        return DefaultDataBufferFactory.sharedInstance.wrap(ByteBuffer.wrap(content, from, to - from).slice());
    }

    public long size() {
        return bytes.length;
    }
}
