package dev.mocks3.jobs.run;

import java.util.Map;
import java.util.function.Function;

import dev.mocks3.events.EventJson;
import dev.mocks3.events.job.Job;
import io.cloudevents.CloudEvent;
import reactor.core.publisher.Mono;

/**
 * The shape of every job: a function of the CloudEvent that asks for it, run at most once per event
 * (the {@link JobLedger} remembers), answering what it did. As a Spring Cloud Function bean named
 * after {@link Job#functionName()} it is what one Knative service per job runs.
 */
public abstract class JobFunction implements Function<CloudEvent, Mono<JobRun>> {
    private final JobLedger ledger;
    private final Job job;

    protected JobFunction(JobLedger ledger, Job job) {
        this.ledger = ledger;
        this.job = job;
    }

    /** The job this function runs: the event type it takes. */
    public final Job job() {
        return job;
    }

    @Override
    public final Mono<JobRun> apply(CloudEvent event) {
        if (!job().type().equals(event.getType())) {
            return Mono.error(new IllegalArgumentException(job().functionName() + " runs " + job().type()
                    + " events, not " + event.getType()));
        }
        return ledger.once(event, Mono.defer(() -> run(event)));
    }

    /** Does the job; what it returns is recorded and answered (counts, mostly). */
    protected abstract Mono<Map<String, Object>> run(CloudEvent event);

    protected static <T> T payload(CloudEvent event, Class<T> type) {
        return EventJson.data(event, type);
    }
}
