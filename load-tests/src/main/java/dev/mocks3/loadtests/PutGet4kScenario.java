package dev.mocks3.loadtests;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code put-get-4k}: each of N clients PUTs a 4 KiB object and GETs it back, over and over, for a
 * fixed time or until a request budget is spent. Each client cycles through its own few keys, so
 * the store stays small however long the run.
 */
final class PutGet4kScenario {

    static final int OBJECT_SIZE = 4096;
    static final int KEYS_PER_CLIENT = 64;

    record Result(int concurrency, OpStats put, OpStats get) {
        long errors() {
            return put.errors() + get.errors();
        }
    }

    private PutGet4kScenario() {
    }

    /**
     * @param maxPairs at most this many PUT+GET pairs in the measured phase, over all clients
     */
    static Result run(S3Http s3, String bucket, int concurrency, Duration warmup, Duration duration, long maxPairs)
            throws InterruptedException {
        if (!warmup.isZero()) {
            phase(s3, bucket, concurrency, warmup, maxPairs);
        }
        Phase measured = phase(s3, bucket, concurrency, duration, maxPairs);
        cleanUp(s3, bucket, concurrency);
        return new Result(concurrency,
                LatencyLog.merge("PUT", measured.puts, measured.elapsedNanos),
                LatencyLog.merge("GET", measured.gets, measured.elapsedNanos));
    }

    private record Phase(List<LatencyLog> puts, List<LatencyLog> gets, long elapsedNanos) {
    }

    private static Phase phase(S3Http s3, String bucket, int concurrency, Duration duration, long maxPairs)
            throws InterruptedException {
        List<LatencyLog> puts = new ArrayList<>();
        List<LatencyLog> gets = new ArrayList<>();
        for (int c = 0; c < concurrency; c++) {
            puts.add(new LatencyLog());
            gets.add(new LatencyLog());
        }
        AtomicLong budget = new AtomicLong(maxPairs);
        long deadline = System.nanoTime() + duration.toNanos();
        long elapsed = ClientThreads.run(concurrency, "put-get",
                c -> loop(s3, bucket, c, deadline, budget, puts.get(c), gets.get(c)));
        return new Phase(puts, gets, elapsed);
    }

    private static void loop(S3Http s3, String bucket, int client, long deadline, AtomicLong budget,
                             LatencyLog puts, LatencyLog gets) {
        byte[] body = new byte[OBJECT_SIZE];
        SplittableRandom random = new SplittableRandom(client * 7919L + System.nanoTime());
        for (long i = 0; System.nanoTime() < deadline && budget.getAndDecrement() > 0; i++) {
            String key = key(client, (int) (i % KEYS_PER_CLIENT));
            // fresh content every time: a content-addressed store must not get away with de-duplication
            ClientThreads.randomise(body, random);
            long begin = System.nanoTime();
            try {
                int status = s3.put(bucket, key, body);
                long end = System.nanoTime();
                if (status == 200) {
                    puts.record(end - begin);
                } else {
                    puts.error();
                    continue;
                }
            } catch (Exception e) {
                puts.error();
                continue;
            }
            begin = System.nanoTime();
            try {
                HttpResponse<byte[]> response = s3.get(bucket, key);
                long end = System.nanoTime();
                if (response.statusCode() == 200 && Arrays.equals(response.body(), body)) {
                    gets.record(end - begin);
                } else {
                    gets.error();
                }
            } catch (Exception e) {
                gets.error();
            }
        }
    }

    private static void cleanUp(S3Http s3, String bucket, int concurrency) {
        for (int c = 0; c < concurrency; c++) {
            for (int k = 0; k < KEYS_PER_CLIENT; k++) {
                try {
                    s3.delete(bucket, key(c, k));
                } catch (Exception e) {
                    return; // best effort: the server may be gone; results are already taken
                }
            }
        }
    }

    private static String key(int client, int slot) {
        return "put-get-4k/client-" + client + "/object-" + slot;
    }
}
