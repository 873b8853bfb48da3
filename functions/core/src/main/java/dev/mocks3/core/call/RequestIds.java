package dev.mocks3.core.call;

import java.util.concurrent.ThreadLocalRandom;

/** S3-looking request ids: 16 upper-case hex characters. */
public final class RequestIds {
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private RequestIds() {
    }

    public static String next() {
        long bits = ThreadLocalRandom.current().nextLong();
        char[] out = new char[16];
        for (int i = 15; i >= 0; i--) {
            out[i] = HEX[(int) (bits & 0xF)];
            bits >>>= 4;
        }
        return new String(out);
    }
}
