package dev.mocks3.loadtests;

import java.io.InputStream;

/**
 * A body of any length made up on the fly from a seed (xorshift64*), so a 1 GiB upload needs
 * no file and no memory; the same seed gives the same bytes.
 */
final class GeneratedContent extends InputStream {

    private long remaining;
    private long state;
    private long word;
    private int wordBytesLeft;

    GeneratedContent(long length, long seed) {
        if (length < 0) {
            throw new IllegalArgumentException("negative length " + length);
        }
        this.remaining = length;
        this.state = seed == 0 ? 0x9E3779B97F4A7C15L : seed;
    }

    @Override
    public int read() {
        if (remaining == 0) {
            return -1;
        }
        remaining--;
        return nextByte();
    }

    @Override
    public int read(byte[] buffer, int offset, int length) {
        if (remaining == 0) {
            return -1;
        }
        int count = (int) Math.min(length, remaining);
        for (int i = 0; i < count; i++) {
            buffer[offset + i] = (byte) nextByte();
        }
        remaining -= count;
        return count;
    }

    @Override
    public int available() {
        return (int) Math.min(Integer.MAX_VALUE, remaining);
    }

    private int nextByte() {
        if (wordBytesLeft == 0) {
            state ^= state >>> 12;
            state ^= state << 25;
            state ^= state >>> 27;
            word = state * 0x2545F4914F6CDD1DL;
            wordBytesLeft = 8;
        }
        int b = (int) (word & 0xFF);
        word >>>= 8;
        wordBytesLeft--;
        return b;
    }
}
