package dev.mocks3.loadtests;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code put-4k}: each of N clients PUTs fresh 4 KiB bodies over its own few keys (so every write
 * overwrites, and the store stays small), for a fixed time or until a request budget is spent.
 * Writes only: the figure the write path's cost is judged by.
 */
final class Put4kScenario {

    private Put4kScenario() {
    }

    /** One timed phase of PUTs; answers their latencies. */
    static OpStats phase(S3Http s3, String bucket, int concurrency, Duration duration, long maxRequests)
            throws InterruptedException {
        List<LatencyLog> logs = new ArrayList<>();
        for (int c = 0; c < concurrency; c++) {
            logs.add(new LatencyLog());
        }
        AtomicLong budget = new AtomicLong(maxRequests);
        long deadline = System.nanoTime() + duration.toNanos();
        long elapsed = ClientThreads.run(concurrency, "put-4k", client -> {
            LatencyLog log = logs.get(client);
            byte[] body = new byte[PutGet4kScenario.OBJECT_SIZE];
            SplittableRandom random = new SplittableRandom(client * 7919L + System.nanoTime());
            for (long i = 0; System.nanoTime() < deadline && budget.getAndDecrement() > 0; i++) {
                // fresh content every time: a content-addressed store must not get away with de-duplication
                ClientThreads.randomise(body, random);
                long begin = System.nanoTime();
                try {
                    int status = s3.put(bucket, key(client, (int) (i % PutGet4kScenario.KEYS_PER_CLIENT)), body);
                    if (status == 200) {
                        log.record(System.nanoTime() - begin);
                    } else {
                        log.error();
                    }
                } catch (Exception e) {
                    log.error();
                }
            }
        });
        return LatencyLog.merge("PUT", logs, elapsed);
    }

    static String key(int client, int slot) {
        return "put-4k/client-" + client + "/object-" + slot;
    }
}
