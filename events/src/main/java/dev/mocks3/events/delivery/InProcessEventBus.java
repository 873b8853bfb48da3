package dev.mocks3.events.delivery;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.cloudevents.CloudEvent;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * The local broker: delivers each event to every subscriber bean that accepts its type, to every
 * {@link Trigger} whose filter it matches (POSTed in binary mode), and to anyone watching
 * {@link #events()} (tests). {@link #publish} logs a failing recipient; {@link #deliver} fails, so
 * the outbox dispatcher can retry.
 */
public final class InProcessEventBus implements EventPublisher, EventDelivery {
    private static final Logger log = LoggerFactory.getLogger(InProcessEventBus.class);

    private final Supplier<List<EventSubscriber>> beans;
    private final List<EventSubscriber> subscribers = new CopyOnWriteArrayList<>();
    private final List<Recipient> triggers;
    private final Sinks.Many<CloudEvent> stream = Sinks.many().multicast().directBestEffort();

    /** @param beans the subscriber beans, looked up at delivery time so subscribers may themselves publish */
    public InProcessEventBus(Supplier<List<EventSubscriber>> beans) {
        this(beans, List.of(), Duration.ofSeconds(5));
    }

    public InProcessEventBus(Supplier<List<EventSubscriber>> beans, List<Trigger> triggers, Duration timeout) {
        this.beans = beans;
        this.triggers = triggers.stream().map(t -> new Recipient(t.name(), t::matches,
                new HttpEventSender(t.subscriber(), timeout)::publish)).toList();
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
        return deliver(event).onErrorResume(e -> Mono.empty());
    }

    @Override
    public Mono<Void> deliver(CloudEvent event) {
        stream.tryEmitNext(event);
        Flux<Recipient> subscriberRecipients = Flux.concat(Flux.fromIterable(beans.get()), Flux.fromIterable(subscribers))
                .map(s -> new Recipient(s.getClass().getSimpleName(), e -> s.accepts(e.getType()), s::handle));
        return Flux.concat(subscriberRecipients, Flux.fromIterable(triggers))
                .filter(r -> r.accepts().apply(event))
                .flatMap(r -> r.handle().apply(event).then(Mono.<Optional<Throwable>>just(Optional.empty()))
                        .onErrorResume(e -> {
                            log.warn("{} failed on {} {}: {}", r.name(), event.getType(), event.getId(), e.toString());
                            return Mono.just(Optional.of(e));
                        }))
                .filter(Optional::isPresent)
                .collectList()
                .flatMap(failures -> failures.isEmpty() ? Mono.<Void>empty() : Mono.<Void>error(failures.get(0).get()));
    }

    private record Recipient(String name, Function<CloudEvent, Boolean> accepts, Function<CloudEvent, Mono<Void>> handle) {
    }
}
