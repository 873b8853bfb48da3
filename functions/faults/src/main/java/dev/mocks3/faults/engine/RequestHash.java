package dev.mocks3.faults.engine;

import java.nio.charset.StandardCharsets;

/**
 * A 64-bit hash (FNV-1a over UTF-8, then a SplitMix64 finish) that is the same on every JVM and
 * every run: what a seeded decision is drawn from.
 */
final class RequestHash {
    private static final long PRIME = 0x100000001b3L;

    private RequestHash() {
    }

    static long start(long seed) {
        return add(0xcbf29ce484222325L, seed);
    }

    static long add(long h, String text) {
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            h = (h ^ (b & 0xff)) * PRIME;
        }
        return (h ^ 0xff) * PRIME; // a separator, so ("ab", "c") and ("a", "bc") differ
    }

    static long add(long h, long value) {
        for (int i = 0; i < 8; i++) {
            h = (h ^ ((value >>> (8 * i)) & 0xff)) * PRIME;
        }
        return h;
    }

    static long finish(long h) {
        h = (h ^ (h >>> 30)) * 0xbf58476d1ce4e5b9L;
        h = (h ^ (h >>> 27)) * 0x94d049bb133111ebL;
        return h ^ (h >>> 31);
    }
}
