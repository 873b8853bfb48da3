package dev.mocks3.faults.inject;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import reactor.core.publisher.Mono;

/** Token buckets in this JVM: {@code rate} tokens, refilled continuously over {@code interval}. */
public final class LocalThrottles implements Throttles {
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    @Override
    public Mono<Boolean> tryAcquire(String name, long rate, Duration interval) {
        Bucket b = buckets.computeIfAbsent(name, n -> new Bucket(rate, interval.toNanos()));
        return Mono.just(b.take());
    }

    private static final class Bucket {
        private final double capacity;
        private final double perNano;
        private double tokens;
        private long last = System.nanoTime();

        Bucket(long rate, long intervalNanos) {
            this.capacity = rate;
            this.perNano = (double) rate / intervalNanos;
            this.tokens = rate;
        }

        synchronized boolean take() {
            long now = System.nanoTime();
            tokens = Math.min(capacity, tokens + (now - last) * perNano);
            last = now;
            if (tokens >= 1) {
                tokens -= 1;
                return true;
            }
            return false;
        }
    }
}
