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
     * @param failure when not null, the attempt fails with this reason (as if the sink had refused it)
     */
    record DeliveryPlan(boolean drop, Duration delay, int copies, String failure) {
        public static final DeliveryPlan NORMAL = new DeliveryPlan(false, Duration.ZERO, 1, null);

        public DeliveryPlan delayed(Duration more) {
            return new DeliveryPlan(drop, delay.plus(more), copies, failure);
        }

        public DeliveryPlan dropped() {
            return new DeliveryPlan(true, delay, copies, failure);
        }

        public DeliveryPlan copied(int times) {
            return new DeliveryPlan(drop, delay, Math.max(copies, times), failure);
        }

        public DeliveryPlan failing(String reason) {
            return new DeliveryPlan(drop, delay, copies, failure != null ? failure : reason);
        }
    }
}
