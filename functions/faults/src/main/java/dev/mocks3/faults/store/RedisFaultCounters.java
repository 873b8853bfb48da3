package dev.mocks3.faults.store;

import java.time.Duration;

import org.redisson.api.RedissonReactiveClient;

import dev.mocks3.faults.engine.FaultCounters;
import reactor.core.publisher.Mono;

/** Counters in Redis, so that "the first two requests" means the first two across every instance. */
public final class RedisFaultCounters implements FaultCounters {
    private static final Duration KEEP = Duration.ofDays(1);
    private final RedissonReactiveClient redis;
    private final String prefix;

    public RedisFaultCounters(RedissonReactiveClient redis, String keyPrefix) {
        this.redis = redis;
        this.prefix = keyPrefix + ":count:";
    }

    @Override
    public Mono<Long> increment(String name) {
        var counter = redis.getAtomicLong(prefix + name);
        return counter.incrementAndGet()
                .flatMap(n -> n == 1 ? counter.expire(KEEP).thenReturn(n) : Mono.just(n));
    }

    @Override
    public Mono<Void> clear(String namePrefix) {
        return redis.getKeys().deleteByPattern(prefix + namePrefix + "*").then();
    }
}
