package dev.mocks3.events.job;

import java.net.URI;
import java.util.UUID;

import dev.mocks3.events.EventJson;
import dev.mocks3.events.EventSources;
import dev.mocks3.events.delivery.EventPublisher;
import io.cloudevents.CloudEvent;
import reactor.core.publisher.Mono;

/**
 * The one place jobs send events from: asks for a job by publishing its CloudEvent. A job that
 * starts others gives them ids derived from its own, so running it again asks for the same jobs
 * (which then do nothing). Today this goes through the {@link EventPublisher}; a durable outbox
 * would take its place here.
 */
public final class JobEvents {
    public static final URI SOURCE = EventSources.JOBS;
    private final EventPublisher publisher;

    public JobEvents(EventPublisher publisher) {
        this.publisher = publisher;
    }

    /** Asks for {@code job} with a fresh event id. */
    public Mono<Void> request(Job job, String subject, Object payload) {
        return request(job, UUID.randomUUID().toString(), subject, payload);
    }

    public Mono<Void> request(Job job, String id, String subject, Object payload) {
        return publisher.publish(event(job, id, subject, payload));
    }

    public static CloudEvent event(Job job, String id, String subject, Object payload) {
        return EventJson.event(id, job.type(), SOURCE, subject, payload);
    }
}
