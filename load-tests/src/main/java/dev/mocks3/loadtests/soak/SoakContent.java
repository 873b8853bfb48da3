package dev.mocks3.loadtests.soak;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.SplittableRandom;

/**
 * One version of an object the soak wrote: its bytes are made again from the seed whenever they
 * are needed, so the ledger keeps 40 bytes per version instead of the body.
 *
 * @param md5Hex MD5 of the whole body, what a GET's body is compared by
 * @param etag   the ETag the server answered with (multipart ETags are not MD5s)
 */
record SoakContent(long seed, int size, String md5Hex, String etag) {

    static byte[] bytes(long seed, int size) {
        byte[] body = new byte[size];
        SplittableRandom random = new SplittableRandom(seed);
        for (int b = 0; b < size; b += 8) {
            long value = random.nextLong();
            for (int k = 0; k < 8 && b + k < size; k++) {
                body[b + k] = (byte) (value >>> (8 * k));
            }
        }
        return body;
    }

    static String md5Hex(byte[] body) {
        return HexFormat.of().formatHex(digest("MD5").digest(body));
    }

    static String sha256Hex(byte[] body) {
        return HexFormat.of().formatHex(digest("SHA-256").digest(body));
    }

    static MessageDigest digest(String algorithm) {
        try {
            return MessageDigest.getInstance(algorithm);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
