package dev.mocks3.events.delivery;

import io.cloudevents.CloudEvent;
import reactor.core.publisher.Mono;

/**
 * A consumer of CloudEvents inside this JVM, the local stand-in for a Knative Trigger:
 * the in-process bus hands it every event whose type it accepts.
 */
public interface EventSubscriber {

    boolean accepts(String type);

    Mono<Void> handle(CloudEvent event);
}
