package dev.mocks3.core.checksum;

/**
 * The CRC of two byte strings joined, from the CRCs of each and the second one's length, without the
 * bytes: how a multipart upload's FULL_OBJECT CRC is made from its parts' CRCs.
 * <p>
 * CRC32, CRC32C and CRC-64/NVME are reflected CRCs whose initial value equals their final xor, so
 * {@code crc(a || b) = crc(a) * x^(8 * |b|) mod P  xor  crc(b)} in GF(2)[x]. Polynomials are held reflected:
 * the top bit of a {@code width}-bit value is the coefficient of x^0.
 */
public final class CrcCombination {
    private final int width;
    private final long polynomial;
    private final long topBit;

    private CrcCombination(int width, long reflectedPolynomial) {
        this.width = width;
        this.polynomial = reflectedPolynomial;
        this.topBit = 1L << (width - 1);
    }

    /** The combination for a CRC algorithm; IllegalArgumentException for the digests that have none. */
    public static CrcCombination of(ChecksumAlgorithm algorithm) {
        return switch (algorithm) {
            case CRC32 -> new CrcCombination(32, 0xEDB88320L);
            case CRC32C -> new CrcCombination(32, 0x82F63B78L);
            case CRC64NVME -> new CrcCombination(64, 0x9a6c9329ac4bc9b5L);
            default -> throw new IllegalArgumentException(algorithm + " is no CRC");
        };
    }

    /** {@code crc(a || b)} from {@code crc(a)}, {@code crc(b)} and {@code |b|} in bytes (CRC values as unsigned bits). */
    public long combine(long crcA, long crcB, long lengthB) {
        return multiply(crcA, xPowerOfBytes(lengthB)) ^ crcB;
    }

    /** As {@link #combine(long, long, long)} on the big-endian bytes S3 base64-encodes. */
    public byte[] combine(byte[] crcA, byte[] crcB, long lengthB) {
        return toBytes(combine(toLong(crcA), toLong(crcB), lengthB));
    }

    /** x^(8 * bytes) mod P, by squaring x^8. */
    private long xPowerOfBytes(long bytes) {
        long result = topBit; // x^0
        long square = topBit >>> 8; // x^8
        for (long n = bytes; n != 0; n >>>= 1) {
            if ((n & 1) != 0) {
                result = multiply(result, square);
            }
            square = multiply(square, square);
        }
        return result;
    }

    /** a * b mod P, both reflected. */
    private long multiply(long a, long b) {
        long product = 0;
        long bit = topBit;
        for (int i = 0; i < width && a != 0; i++) {
            if ((a & bit) != 0) {
                product ^= b;
                a ^= bit;
            }
            bit >>>= 1;
            // b * x: one step right in the reflected form, reduced by P when x^(width-1) falls off
            b = (b & 1) != 0 ? (b >>> 1) ^ polynomial : b >>> 1;
        }
        return product;
    }

    private long toLong(byte[] crc) {
        if (crc.length * 8 != width) {
            throw new IllegalArgumentException("a " + width + "-bit CRC has " + width / 8 + " bytes, not " + crc.length);
        }
        long value = 0;
        for (byte b : crc) {
            value = (value << 8) | (b & 0xff);
        }
        return value;
    }

    private byte[] toBytes(long value) {
        byte[] bytes = new byte[width / 8];
        for (int i = bytes.length - 1; i >= 0; i--) {
            bytes[i] = (byte) value;
            value >>>= 8;
        }
        return bytes;
    }
}
