package dev.mocks3.app.observe;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;

import dev.mocks3.core.routing.S3Operation;

/**
 * The S3 request meters, looked up once per operation, status class (and bucket label, where
 * configured) and kept in arrays: recording a request costs no map lookup and no allocation.
 */
public final class S3RequestMeters {
    /** The status classes, and {@code dropped}: the connection closed without an answer. */
    static final String[] STATUS = {"1xx", "2xx", "3xx", "4xx", "5xx", "dropped"};
    static final int DROPPED = STATUS.length - 1;
    static final String UNKNOWN = "unknown";
    private static final Duration[] LATENCY_BUCKETS = {Duration.ofMillis(1), Duration.ofMillis(2), Duration.ofMillis(5),
            Duration.ofMillis(10), Duration.ofMillis(25), Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(250),
            Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofMillis(2500), Duration.ofSeconds(5), Duration.ofSeconds(10),
            Duration.ofSeconds(30)};
    private static final S3Operation[] OPERATIONS = S3Operation.values();
    private final MeterRegistry registry;
    private final List<String> labelledBuckets;
    private final OperationMeters[] unlabelled;
    private final Map<String, OperationMeters[]> byBucket = new ConcurrentHashMap<>();
    private final AtomicInteger inFlight = new AtomicInteger();

    public S3RequestMeters(MeterRegistry registry, List<String> labelledBuckets) {
        this.registry = registry;
        this.labelledBuckets = List.copyOf(labelledBuckets);
        this.unlabelled = new OperationMeters[OPERATIONS.length + 1];
        Gauge.builder("mocks3.s3.requests.in.flight", inFlight, AtomicInteger::get)
                .description("S3 requests being served now").register(registry);
    }

    void started() {
        inFlight.incrementAndGet();
    }

    /** One answered (or dropped) request; {@code operation} null when it could not be classified. */
    void finished(S3Operation operation, String bucket, int statusClass, long nanos, long bytesIn, long bytesOut) {
        inFlight.decrementAndGet();
        OperationMeters m = meters(operation, bucket);
        m.requests(statusClass).increment();
        m.duration(statusClass).record(nanos, TimeUnit.NANOSECONDS);
        if (bytesIn > 0) {
            m.received.increment(bytesIn);
        }
        if (bytesOut > 0) {
            m.sent.increment(bytesOut);
        }
    }

    /** The status class index of an HTTP status. */
    static int statusClass(int status) {
        int c = status / 100 - 1;
        return c >= 0 && c < DROPPED ? c : DROPPED;
    }

    private OperationMeters meters(S3Operation operation, String bucket) {
        OperationMeters[] table = unlabelled;
        String bucketLabel = null;
        if (!labelledBuckets.isEmpty()) {
            bucketLabel = bucket != null && labelledBuckets.contains(bucket) ? bucket : "other";
            table = byBucket.computeIfAbsent(bucketLabel, b -> new OperationMeters[OPERATIONS.length + 1]);
        }
        int index = operation == null ? OPERATIONS.length : operation.ordinal();
        OperationMeters m = table[index];
        if (m == null) {
            // a race builds the same meters twice: the registry hands out the one registered first
            Tags tags = Tags.of("operation", operation == null ? UNKNOWN : operation.s3Name());
            m = new OperationMeters(registry, bucketLabel == null ? tags : tags.and("bucket", bucketLabel));
            table[index] = m;
        }
        return m;
    }

    private static final class OperationMeters {
        private final MeterRegistry registry;
        private final Tags tags;
        private final Counter[] requests = new Counter[STATUS.length];
        private final Timer[] durations = new Timer[STATUS.length];
        final Counter received;
        final Counter sent;

        OperationMeters(MeterRegistry registry, Tags tags) {
            this.registry = registry;
            this.tags = tags;
            this.received = Counter.builder("mocks3.s3.received").baseUnit("bytes").tags(tags)
                    .description("request body bytes of S3 requests (as declared)").register(registry);
            this.sent = Counter.builder("mocks3.s3.sent").baseUnit("bytes").tags(tags)
                    .description("response body bytes of S3 requests (as declared)").register(registry);
        }

        Counter requests(int status) {
            Counter c = requests[status];
            if (c == null) {
                c = Counter.builder("mocks3.s3.requests").tags(tags).tag("status", STATUS[status])
                        .description("S3 requests by operation and status class").register(registry);
                requests[status] = c;
            }
            return c;
        }

        Timer duration(int status) {
            Timer t = durations[status];
            if (t == null) {
                t = Timer.builder("mocks3.s3.request.duration").tags(tags).tag("status", STATUS[status])
                        .serviceLevelObjectives(LATENCY_BUCKETS)
                        .description("time from the request to the end of the answer").register(registry);
                durations[status] = t;
            }
            return t;
        }
    }
}
