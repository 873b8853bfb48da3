package dev.mocks3.drive.account;

import java.time.Duration;

import org.redisson.api.RRateLimiterReactive;
import org.redisson.api.RateType;
import org.redisson.api.RedissonReactiveClient;

import dev.mocks3.drive.http.DriveError;
import reactor.core.publisher.Mono;

/**
 * Login attempts per mobile number and per client address, counted in Redis so that every
 * instance shares them (a Redisson rate limiter per key, forgotten after a quiet window).
 */
public final class LoginLimiter {
    private static final String PREFIX = "mocks3:drive:login:";
    private final RedissonReactiveClient redis;
    private final int perMobile;
    private final int perAddress;
    private final Duration window;

    public LoginLimiter(RedissonReactiveClient redis, int perMobile, int perAddress, Duration window) {
        this.redis = redis;
        this.perMobile = perMobile;
        this.perAddress = perAddress;
        this.window = window;
    }

    /** Completes when both limits allow one more attempt; 100004 otherwise. */
    public Mono<Void> attempt(String mobile, String address) {
        return take("mobile:" + mobile, perMobile)
                .flatMap(ok -> ok ? take("addr:" + address, perAddress) : Mono.just(false))
                .flatMap(ok -> ok ? Mono.<Void>empty() : Mono.error(DriveError.TOO_MANY_REQUESTS.exception()));
    }

    private Mono<Boolean> take(String key, int rate) {
        // a limiter keeps the rate it was first given: the rate is in its name, so a new setting takes effect
        RRateLimiterReactive limiter = redis.getRateLimiter(PREFIX + rate + "/" + window.toSeconds() + "s:" + key);
        return limiter.trySetRate(RateType.OVERALL, rate, window, window.multipliedBy(2))
                .then(limiter.tryAcquire());
    }
}
