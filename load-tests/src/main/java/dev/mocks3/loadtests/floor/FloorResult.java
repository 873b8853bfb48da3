package dev.mocks3.loadtests.floor;

/**
 * Requests served and CPU spent over some rounds of one mode: by this JVM (every thread, GC and JIT
 * included) and by the PostgreSQL backends that served its connections.
 */
public record FloorResult(String mode, long requests, long jvmNanos, long databaseNanos) {

    public FloorResult plus(FloorResult other) {
        return new FloorResult(mode, requests + other.requests, jvmNanos + other.jvmNanos,
                databaseNanos + other.databaseNanos);
    }

    public double jvmMicrosPerRequest() {
        return perRequest(jvmNanos);
    }

    public double databaseMicrosPerRequest() {
        return perRequest(databaseNanos);
    }

    /** The report's line: mode, requests, then CPU µs per request as JVM / database / sum. */
    public String line() {
        return String.format(java.util.Locale.ROOT, "%-12s requests %,10d   CPU us/request JVM %7.1f / database %7.1f / sum %7.1f",
                mode, requests, jvmMicrosPerRequest(), databaseMicrosPerRequest(),
                jvmMicrosPerRequest() + databaseMicrosPerRequest());
    }

    private double perRequest(long nanos) {
        return requests == 0 ? Double.NaN : nanos / 1000.0 / requests;
    }
}
