package dev.mocks3.state.blob;

import java.nio.file.Path;

/**
 * Bytes that have been received completely into a temporary file, with their digests, but are
 * not yet visible: publishing makes them content-addressed, discarding removes them.
 *
 * @param crc32 the CRC32 of the whole content, base64 as S3's {@code x-amz-checksum-crc32} carries it
 */
public record StagedBlob(Path file, String sha256, String md5Hex, String crc32, long size) {
}
