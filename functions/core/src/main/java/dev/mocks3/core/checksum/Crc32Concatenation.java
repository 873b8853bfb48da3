package dev.mocks3.core.checksum;

/**
 * The CRC32 of two byte strings one after the other, from their CRC32s and the second's length,
 * without the bytes: the first CRC times x^(8 * length) modulo the CRC polynomial, plus the second
 * (GF(2) arithmetic in the reflected bit order {@link java.util.zip.CRC32} uses). So a completed
 * multipart upload gets its whole-object CRC32 from its parts' CRC32s.
 */
public final class Crc32Concatenation {
    private static final int POLYNOMIAL = 0xEDB88320;
    /** x^0 in the reflected order (the top bit is the lowest power). */
    private static final int ONE = 0x80000000;
    private static final int X_TO_THE_8 = ONE >>> 8;

    private Crc32Concatenation() {
    }

    /** The CRC32 of A followed by B, given CRC32(A), CRC32(B) and B's length in bytes. */
    public static int concat(int crcA, int crcB, long lengthB) {
        return multiply(crcA, xToThe8Times(lengthB)) ^ crcB;
    }

    private static int xToThe8Times(long bytes) {
        int result = ONE;
        int power = X_TO_THE_8;
        for (long n = bytes; n != 0; n >>>= 1) {
            if ((n & 1) != 0) {
                result = multiply(result, power);
            }
            power = multiply(power, power);
        }
        return result;
    }

    private static int multiply(int a, int b) {
        int product = 0;
        int shifted = b;
        for (int bit = ONE; bit != 0; bit >>>= 1) {
            if ((a & bit) != 0) {
                product ^= shifted;
            }
            shifted = (shifted & 1) != 0 ? (shifted >>> 1) ^ POLYNOMIAL : shifted >>> 1;
        }
        return product;
    }
}
