package dev.mocks3.events.delivery;

import java.time.Duration;

import io.cloudevents.CloudEvent;
import reactor.core.publisher.Mono;

/**
 * Faults injected into event delivery (the fault rules of service {@code notification-delivery}):
 * the outbox dispatcher asks before each attempt. Without the faults module nothing is injected.
 */
public interface DeliveryFaults {

    DeliveryFaults NONE = event -> Mono.just(DeliveryPlan.NORMAL);

    Mono<DeliveryPlan> plan(CloudEvent event);

    /**
     * What one delivery attempt does.
     *
     * @param drop   pretend it was delivered, send nothing (a lost event)
     * @param delay  wait this long before sending
     * @param copies send the event this many times (a duplicate delivery; consumers dedupe by id)
     */
    record DeliveryPlan(boolean drop, Duration delay, int copies) {
        public static final DeliveryPlan NORMAL = new DeliveryPlan(false, Duration.ZERO, 1);
    }
}
