package dev.mocks3.events.delivery;

import io.cloudevents.CloudEvent;
import reactor.core.publisher.Mono;

/**
 * Sends a CloudEvent on its way: to the Knative broker (K_SINK) on a cluster, or to the
 * subscribers in this JVM when no sink is configured. Completes when the event was handed over.
 */
public interface EventPublisher {

    Mono<Void> publish(CloudEvent event);
}
