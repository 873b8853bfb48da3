package dev.mocks3.loadtests;

/** Percentiles of recorded latencies, by the nearest-rank method (always a value that was measured). */
final class Percentiles {

    private Percentiles() {
    }

    /**
     * The p-th percentile (0 &lt; p &lt;= 100) of values sorted ascending: the smallest value such
     * that at least p percent of all values are at or below it.
     */
    static long nearestRank(long[] sorted, double p) {
        if (sorted.length == 0) {
            throw new IllegalArgumentException("no values");
        }
        if (!(p > 0 && p <= 100)) {
            throw new IllegalArgumentException("percentile must be in (0, 100]: " + p);
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(rank, 1) - 1];
    }
}
