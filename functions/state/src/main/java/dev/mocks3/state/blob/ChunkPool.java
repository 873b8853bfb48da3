package dev.mocks3.state.blob;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * Staging chunks kept for the next body instead of being allocated for each one; beyond
 * {@code retained} chunks the extra ones are left to the garbage collector.
 */
final class ChunkPool {
    private final int chunkSize;
    private final BlockingQueue<byte[]> free;

    ChunkPool(int chunkSize, int retained) {
        this.chunkSize = chunkSize;
        this.free = new ArrayBlockingQueue<>(retained);
    }

    byte[] take() {
        byte[] chunk = free.poll();
        return chunk != null ? chunk : new byte[chunkSize];
    }

    void give(byte[] chunk) {
        free.offer(chunk);
    }
}
