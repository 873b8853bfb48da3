package dev.mocks3.loadtests;

/**
 * What one operation did during a measured run.
 *
 * @param sortedLatencyNanos latencies of the successful requests, ascending
 * @param elapsedNanos wall time of the measured run, shared by all its operations
 */
record OpStats(String operation, long[] sortedLatencyNanos, long errors, long elapsedNanos) {

    long successes() {
        return sortedLatencyNanos.length;
    }

    double requestsPerSecond() {
        return Rates.perSecond(successes(), elapsedNanos);
    }

    double percentileMillis(double p) {
        return sortedLatencyNanos.length == 0 ? Double.NaN
                : Rates.millis(Percentiles.nearestRank(sortedLatencyNanos, p));
    }
}
