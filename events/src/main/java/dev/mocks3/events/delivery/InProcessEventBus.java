package dev.mocks3.events.delivery;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.cloudevents.CloudEvent;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * The local broker: delivers each event to every subscriber that accepts its type, and to
 * anyone watching {@link #events()} (tests). A failing subscriber is logged, not retried.
 */
public final class InProcessEventBus implements EventPublisher {
    private static final Logger log = LoggerFactory.getLogger(InProcessEventBus.class);

    private final Supplier<List<EventSubscriber>> beans;
    private final List<EventSubscriber> subscribers = new CopyOnWriteArrayList<>();
    private final Sinks.Many<CloudEvent> stream = Sinks.many().multicast().directBestEffort();

    /** @param beans the subscriber beans, looked up at delivery time so subscribers may themselves publish */
    public InProcessEventBus(Supplier<List<EventSubscriber>> beans) {
        this.beans = beans;
    }

    public void subscribe(EventSubscriber subscriber) {
        subscribers.add(subscriber);
    }

    /** Every event published from now on, as it is published. */
    public Flux<CloudEvent> events() {
        return stream.asFlux();
    }

    @Override
    public Mono<Void> publish(CloudEvent event) {
        stream.tryEmitNext(event);
        return Flux.concat(Flux.fromIterable(beans.get()), Flux.fromIterable(subscribers))
                .filter(s -> s.accepts(event.getType()))
                .flatMap(s -> s.handle(event)
                        .onErrorResume(e -> {
                            log.warn("subscriber {} failed on {} {}: {}", s.getClass().getSimpleName(),
                                    event.getType(), event.getId(), e.toString());
                            return Mono.empty();
                        }))
                .then();
    }
}
