package dev.mocks3.faults.inject;

import java.time.Duration;

import org.redisson.api.RateType;
import org.redisson.api.RedissonReactiveClient;

import reactor.core.publisher.Mono;

/** Token buckets in Redis (Redisson rate limiters), shared by every instance. */
public final class RedisThrottles implements Throttles {
    private static final Duration KEEP_ALIVE = Duration.ofHours(1);
    private final RedissonReactiveClient redis;
    private final String prefix;

    public RedisThrottles(RedissonReactiveClient redis, String keyPrefix) {
        this.redis = redis;
        this.prefix = keyPrefix + ":throttle:";
    }

    @Override
    public Mono<Boolean> tryAcquire(String bucket, long rate, Duration interval) {
        var limiter = redis.getRateLimiter(prefix + bucket);
        return limiter.trySetRate(RateType.OVERALL, rate, interval, KEEP_ALIVE).then(limiter.tryAcquire());
    }
}
