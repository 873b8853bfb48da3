package dev.mocks3.core.checksum;

import java.nio.ByteBuffer;

/**
 * CRC-64/NVME (reflected polynomial 0x9a6c9329ac4bc9b5, init and xor-out all ones), the
 * default full-object checksum of newer S3 clients. The JDK has no implementation.
 */
final class Crc64Nvme implements RunningChecksum {
    private static final long[] TABLE = table(0x9a6c9329ac4bc9b5L);

    private long crc = -1L;

    @Override
    public void update(ByteBuffer bytes) {
        long c = crc;
        while (bytes.hasRemaining()) {
            c = TABLE[(int) ((c ^ bytes.get()) & 0xff)] ^ (c >>> 8);
        }
        crc = c;
    }

    @Override
    public byte[] finish() {
        return ByteBuffer.allocate(8).putLong(~crc).array();
    }

    private static long[] table(long polynomial) {
        long[] table = new long[256];
        for (int n = 0; n < 256; n++) {
            long c = n;
            for (int bit = 0; bit < 8; bit++) {
                c = (c & 1) != 0 ? (c >>> 1) ^ polynomial : c >>> 1;
            }
            table[n] = c;
        }
        return table;
    }
}
