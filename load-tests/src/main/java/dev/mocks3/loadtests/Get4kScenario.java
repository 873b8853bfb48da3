package dev.mocks3.loadtests;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code get-4k}: a set of 4 KiB objects is written once, then each of N clients GETs them in
 * random order, checking every body, for a fixed time or until a request budget is spent. Reads
 * only: the figure the fault check's cost is judged by.
 */
final class Get4kScenario {

    static final int OBJECTS = 256;

    record Result(int concurrency, OpStats get) {
    }

    private Get4kScenario() {
    }

    static Result run(S3Http s3, String bucket, int concurrency, Duration warmup, Duration duration, long maxRequests)
            throws IOException, InterruptedException {
        byte[][] bodies = fill(s3, bucket, OBJECTS);
        try {
            if (!warmup.isZero()) {
                phase(s3, bucket, bodies, concurrency, warmup, maxRequests, new ArrayList<>());
            }
            List<LatencyLog> logs = new ArrayList<>();
            long elapsed = phase(s3, bucket, bodies, concurrency, duration, maxRequests, logs);
            return new Result(concurrency, LatencyLog.merge("GET", logs, elapsed));
        } finally {
            for (int i = 0; i < OBJECTS; i++) {
                s3.delete(bucket, key(i));
            }
        }
    }

    /** Writes {@code objects} random 4 KiB objects and answers their bodies, by number. */
    static byte[][] fill(S3Http s3, String bucket, int objects) throws IOException, InterruptedException {
        byte[][] bodies = new byte[objects][PutGet4kScenario.OBJECT_SIZE];
        SplittableRandom random = new SplittableRandom(System.nanoTime());
        for (int i = 0; i < objects; i++) {
            ClientThreads.randomise(bodies[i], random);
            int status = s3.put(bucket, key(i), bodies[i]);
            if (status != 200) {
                throw new IOException("could not write " + key(i) + ": " + status);
            }
        }
        return bodies;
    }

    /** One timed phase over the objects {@link #fill} wrote; each client's latencies go to its own log in {@code logs}. */
    static long phase(S3Http s3, String bucket, byte[][] bodies, int concurrency, Duration duration,
                              long maxRequests, List<LatencyLog> logs) throws InterruptedException {
        AtomicLong budget = new AtomicLong(maxRequests);
        long deadline = System.nanoTime() + duration.toNanos();
        for (int c = 0; c < concurrency; c++) {
            logs.add(new LatencyLog());
        }
        return ClientThreads.run(concurrency, "get-4k", client -> {
            LatencyLog log = logs.get(client);
            SplittableRandom random = new SplittableRandom(client * 7919L + System.nanoTime());
            while (System.nanoTime() < deadline && budget.getAndDecrement() > 0) {
                int i = random.nextInt(bodies.length);
                long begin = System.nanoTime();
                try {
                    HttpResponse<byte[]> response = s3.get(bucket, key(i));
                    long end = System.nanoTime();
                    if (response.statusCode() == 200 && Arrays.equals(response.body(), bodies[i])) {
                        log.record(end - begin);
                    } else {
                        log.error();
                    }
                } catch (IOException e) {
                    log.error();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        });
    }

    private static String key(int i) {
        return "get-4k/object-" + i;
    }
}
