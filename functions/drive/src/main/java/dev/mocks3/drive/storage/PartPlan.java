package dev.mocks3.drive.storage;

/**
 * How a large upload is cut: the server picks the part size (a whole number of MiB between the
 * bounds, aiming at {@code targetParts} parts); S3 allows at most 10,000 parts.
 */
public record PartPlan(long size, long partSize, int partCount) {
    static final long MIB = 1024 * 1024;
    static final int MAX_PARTS = 10_000;

    public static PartPlan of(long size, long minPartSize, long maxPartSize, int targetParts) {
        long wanted = Math.max(minPartSize, ceil(ceil(size, targetParts), MIB) * MIB);
        long partSize = Math.min(maxPartSize, wanted);
        long count = ceil(size, partSize);
        if (count > MAX_PARTS) {
            return null;
        }
        return new PartPlan(size, partSize, (int) Math.max(1, count));
    }

    /** The length of part {@code n} (1-based): the last one holds the rest. */
    public long lengthOf(int n) {
        return n < partCount ? partSize : size - partSize * (partCount - 1L);
    }

    private static long ceil(long a, long b) {
        return (a + b - 1) / b;
    }
}
