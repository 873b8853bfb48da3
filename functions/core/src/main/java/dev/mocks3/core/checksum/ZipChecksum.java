package dev.mocks3.core.checksum;

import java.nio.ByteBuffer;
import java.util.zip.Checksum;

/** CRC32 and CRC32C from {@code java.util.zip}, as the 4 big-endian bytes S3 base64-encodes. */
final class ZipChecksum implements RunningChecksum {
    private final Checksum crc;

    ZipChecksum(Checksum crc) {
        this.crc = crc;
    }

    @Override
    public void update(ByteBuffer bytes) {
        crc.update(bytes);
    }

    @Override
    public byte[] finish() {
        return ByteBuffer.allocate(4).putInt((int) crc.getValue()).array();
    }
}
