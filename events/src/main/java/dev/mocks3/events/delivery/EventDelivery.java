package dev.mocks3.events.delivery;

import io.cloudevents.CloudEvent;
import reactor.core.publisher.Mono;

/**
 * Hands one event to the broker and says whether it was taken: fails when the broker (K_SINK) did
 * not accept it, or, with the in-process broker, when a Trigger or subscriber it matched failed.
 * The outbox dispatcher retries on failure; {@link EventPublisher} is the fire-and-forget side.
 */
public interface EventDelivery {

    Mono<Void> deliver(CloudEvent event);
}
