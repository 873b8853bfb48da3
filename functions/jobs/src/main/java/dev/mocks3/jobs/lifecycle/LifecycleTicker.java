package dev.mocks3.jobs.lifecycle;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

import dev.mocks3.events.job.Job;
import dev.mocks3.events.job.LifecycleScan;
import dev.mocks3.events.job.JobEvents;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Starts a lifecycle run every {@link LifecycleProperties#scanEvery()} by asking for the
 * {@code lifecycleScan} job, on instances that serve it (the local runner, the lifecycle-scan
 * service). Runs never overlap here: a tick while one is under way is skipped.
 */
public final class LifecycleTicker implements SmartLifecycle {
    private static final Logger log = LoggerFactory.getLogger(LifecycleTicker.class);
    private final JobEvents events;
    private final Duration every;
    private final boolean enabled;
    private volatile Disposable schedule;

    /** @param enabled false where this instance does not serve {@code lifecycleScan}, or scans come from elsewhere */
    public LifecycleTicker(JobEvents events, Duration every, boolean enabled) {
        this.events = events;
        this.every = every;
        this.enabled = enabled;
    }

    @Override
    public void start() {
        if (!enabled) {
            return;
        }
        log.info("lifecycle runs every {}", every);
        schedule = Flux.interval(every, every).onBackpressureDrop()
                .concatMap(tick -> events.request(Job.LIFECYCLE_SCAN, null, new LifecycleScan())
                        .onErrorResume(e -> {
                            log.warn("lifecycle run failed: {}", e.toString());
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
