package dev.mocks3.loadtests;

/** Throughput arithmetic: everything the report divides by elapsed time. */
final class Rates {

    static final double MIB = 1024.0 * 1024.0;
    private static final double NANOS_PER_SECOND = 1_000_000_000.0;

    private Rates() {
    }

    static double perSecond(long count, long elapsedNanos) {
        requirePositive(elapsedNanos);
        return count * NANOS_PER_SECOND / elapsedNanos;
    }

    static double mibPerSecond(long bytes, long elapsedNanos) {
        requirePositive(elapsedNanos);
        return bytes / MIB * NANOS_PER_SECOND / elapsedNanos;
    }

    static double millis(long nanos) {
        return nanos / 1_000_000.0;
    }

    private static void requirePositive(long elapsedNanos) {
        if (elapsedNanos <= 0) {
            throw new IllegalArgumentException("elapsed time must be positive: " + elapsedNanos + " ns");
        }
    }
}
