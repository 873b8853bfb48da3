package dev.mocks3.app.observe;

import java.time.Duration;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Runs a sampling task now and then every {@code every} while the application runs; a failed run
 * is logged at debug and the next one comes as planned. Zero or negative: never.
 */
final class Periodically implements SmartLifecycle {
    private static final Logger log = LoggerFactory.getLogger(Periodically.class);
    private final String what;
    private final Duration every;
    private final Supplier<Mono<?>> task;
    private volatile Disposable ticking;

    Periodically(String what, Duration every, Supplier<Mono<?>> task) {
        this.what = what;
        this.every = every;
        this.task = task;
    }

    @Override
    public void start() {
        if (ticking != null || every.isZero() || every.isNegative()) {
            return;
        }
        ticking = Flux.interval(Duration.ZERO, every).onBackpressureDrop()
                .concatMap(tick -> task.get().onErrorResume(e -> {
                    log.debug("{} not sampled: {}", what, e.toString());
                    return Mono.empty();
                }))
                .subscribe();
    }

    @Override
    public void stop() {
        Disposable d = ticking;
        ticking = null;
        if (d != null) {
            d.dispose();
        }
    }

    @Override
    public boolean isRunning() {
        return ticking != null;
    }
}
