package dev.mocks3.loadtests;

import java.util.Arrays;
import java.util.List;

/** Latencies of one operation as measured by one worker thread; merged once the run is over. */
final class LatencyLog {

    private long[] nanos = new long[1024];
    private int size;
    private long errors;

    void record(long latencyNanos) {
        if (size == nanos.length) {
            nanos = Arrays.copyOf(nanos, size * 2);
        }
        nanos[size++] = latencyNanos;
    }

    void error() {
        errors++;
    }

    /** All workers' latencies of one operation, sorted, with their error count. */
    static OpStats merge(String operation, List<LatencyLog> logs, long elapsedNanos) {
        int total = logs.stream().mapToInt(l -> l.size).sum();
        long[] all = new long[total];
        int at = 0;
        long errors = 0;
        for (LatencyLog log : logs) {
            System.arraycopy(log.nanos, 0, all, at, log.size);
            at += log.size;
            errors += log.errors;
        }
        Arrays.sort(all);
        return new OpStats(operation, all, errors, elapsedNanos);
    }
}
