package dev.mocks3.jobs.lifecycle;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.mocks3.events.job.Job;
import dev.mocks3.events.job.JobEvents;
import dev.mocks3.events.job.LifecycleScan;
import dev.mocks3.state.PeriodicWork;
import reactor.core.publisher.Mono;

/**
 * Starts a lifecycle run every {@link LifecycleProperties#scanEvery()} by asking for the
 * {@code lifecycleScan} job, on instances that serve it (the local runner, the lifecycle-scan
 * service). Runs never overlap here: a tick while one is under way is skipped.
 */
public final class LifecycleTicker extends PeriodicWork {
    private static final Logger log = LoggerFactory.getLogger(LifecycleTicker.class);
    private final JobEvents events;
    private final Duration every;
    private final boolean enabled;

    /** @param enabled false where this instance does not serve {@code lifecycleScan}, or scans come from elsewhere */
    public LifecycleTicker(JobEvents events, Duration every, boolean enabled) {
        super("lifecycle run", every, every);
        this.events = events;
        this.every = every;
        this.enabled = enabled;
    }

    @Override
    protected Mono<Void> runOnce() {
        return events.request(Job.LIFECYCLE_SCAN, null, new LifecycleScan());
    }

    @Override
    public void start() {
        if (enabled) {
            log.info("lifecycle runs every {}", every);
            super.start();
        }
    }
}
