package dev.mocks3.jobs.lifecycle;

import java.util.Map;

import org.springframework.stereotype.Component;

import dev.mocks3.events.job.Job;
import dev.mocks3.events.job.LifecycleExpire;
import dev.mocks3.events.job.JobEvents;
import dev.mocks3.jobs.run.JobFunction;
import dev.mocks3.jobs.run.JobLedger;
import dev.mocks3.state.metadata.LifecycleStore;
import io.cloudevents.CloudEvent;
import reactor.core.publisher.Mono;

/**
 * {@code dev.mocks3.job.lifecycle.scan}: one lifecycle run. Asks for a {@code lifecycleExpire} job
 * per bucket that has a configuration (ids derived from this event's), and forgets old job runs.
 */
@Component("lifecycleScan")
public class LifecycleScanJob extends JobFunction {
    private final JobLedger ledger;
    private final LifecycleStore lifecycles;
    private final JobEvents events;

    public LifecycleScanJob(JobLedger ledger, LifecycleStore lifecycles, JobEvents events) {
        super(ledger, Job.LIFECYCLE_SCAN);
        this.ledger = ledger;
        this.lifecycles = lifecycles;
        this.events = events;
    }

    @Override
    protected Mono<Map<String, Object>> run(CloudEvent event) {
        Mono<Long> buckets = lifecycles.buckets()
                .concatMap(bucket -> events.request(Job.LIFECYCLE_EXPIRE, event.getId() + "/" + bucket, bucket,
                        new LifecycleExpire(bucket)).thenReturn(bucket))
                .count();
        return buckets.zipWith(ledger.prune(), (visited, forgotten) -> Map.of("buckets", visited, "forgotten_runs", forgotten));
    }
}
