package dev.mocks3.faults.inject;

import java.time.Duration;

import reactor.core.publisher.Mono;

/** Token buckets for throttle rules: true when a request may pass. */
public interface Throttles {

    Mono<Boolean> tryAcquire(String bucket, long rate, Duration interval);
}
