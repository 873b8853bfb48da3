package dev.mocks3.jobs.run;

import java.util.Optional;

import org.springframework.beans.factory.BeanFactory;

import dev.mocks3.core.call.FunctionDefinition;
import dev.mocks3.events.delivery.EventSubscriber;
import dev.mocks3.events.job.Job;
import io.cloudevents.CloudEvent;
import reactor.core.publisher.Mono;

/**
 * Hands each job event to the function that runs its type, if this instance serves it (the
 * function definition names it, or is blank): the in-process bus's subscriber for job types, the
 * local stand-in for one Knative Trigger per job. The job functions are looked up when an event
 * comes, so an instance builds only the jobs it is asked to run.
 */
public final class JobDispatch implements EventSubscriber {
    private final BeanFactory beans;
    private final FunctionDefinition definition;

    public JobDispatch(BeanFactory beans, FunctionDefinition definition) {
        this.beans = beans;
        this.definition = definition;
    }

    /** The function that runs events of this type here, if any. */
    public Optional<JobFunction> functionFor(String type) {
        return Job.ofType(type).filter(job -> definition.selects(job.functionName()))
                .filter(job -> beans.containsBean(job.functionName()))
                .map(job -> beans.getBean(job.functionName(), JobFunction.class));
    }

    public boolean serves(Job job) {
        return definition.selects(job.functionName()) && beans.containsBean(job.functionName());
    }

    @Override
    public boolean accepts(String type) {
        return Job.ofType(type).map(this::serves).orElse(false);
    }

    @Override
    public Mono<Void> handle(CloudEvent event) {
        return Mono.defer(() -> functionFor(event.getType()).map(function -> function.apply(event).then())
                .orElseGet(Mono::empty));
    }
}
