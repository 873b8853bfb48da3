package dev.mocks3.state.blob;

import java.nio.file.Path;
import java.util.HexFormat;
import java.util.Map;

import dev.mocks3.core.checksum.ChecksumAlgorithm;

/**
 * Bytes that have been received completely into a temporary file, with their digests, but are
 * not yet visible: publishing makes them content-addressed, discarding removes them.
 *
 * @param crc32 the CRC32 of the whole content, base64 as S3's {@code x-amz-checksum-crc32} carries it
 * @param digests every digest computed while staging (SHA-256, MD5, CRC32 and any extra asked for), raw bytes
 */
public record StagedBlob(Path file, String sha256, String md5Hex, String crc32, long size,
                         Map<ChecksumAlgorithm, byte[]> digests) {

    public StagedBlob(Path file, String sha256, String md5Hex, String crc32, long size) {
        this(file, sha256, md5Hex, crc32, size, Map.of());
    }

    static StagedBlob of(Path file, Map<ChecksumAlgorithm, byte[]> digests, long size) {
        HexFormat hex = HexFormat.of();
        return new StagedBlob(file, hex.formatHex(digests.get(ChecksumAlgorithm.SHA256)),
                hex.formatHex(digests.get(ChecksumAlgorithm.MD5)),
                ChecksumAlgorithm.CRC32.base64(digests.get(ChecksumAlgorithm.CRC32)), size, Map.copyOf(digests));
    }

    /** The same staged bytes published under another name (a composed blob's manifest is named by its parts). */
    public StagedBlob named(String name) {
        return new StagedBlob(file, name, md5Hex, crc32, size, digests);
    }
}
