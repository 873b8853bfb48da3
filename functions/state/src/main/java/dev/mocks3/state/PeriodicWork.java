package dev.mocks3.state;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Work repeated at a fixed interval while the application runs (the storage sweep, the lifecycle
 * clock): runs never overlap (a tick while one is under way is skipped), and a failed run is
 * logged and does not end the schedule.
 */
public abstract class PeriodicWork implements SmartLifecycle {
    private static final Logger log = LoggerFactory.getLogger(PeriodicWork.class);
    private final String name;
    private final Duration first;
    private final Duration interval;
    private volatile Disposable schedule;

    /** @param first delay before the first run ({@code Duration.ZERO}: at start) */
    protected PeriodicWork(String name, Duration first, Duration interval) {
        this.name = name;
        this.first = first;
        this.interval = interval;
    }

    /** One run of the work. */
    protected abstract Mono<?> runOnce();

    @Override
    public void start() {
        schedule = Flux.interval(first, interval).onBackpressureDrop()
                .concatMap(tick -> Mono.defer(this::runOnce).onErrorResume(e -> {
                    log.warn("{} failed: {}", name, e.toString());
                    return Mono.empty();
                }), 1)
                .subscribe();
    }

    @Override
    public void stop() {
        Disposable running = schedule;
        if (running != null) {
            running.dispose();
        }
        schedule = null;
    }

    @Override
    public boolean isRunning() {
        return schedule != null;
    }
}
