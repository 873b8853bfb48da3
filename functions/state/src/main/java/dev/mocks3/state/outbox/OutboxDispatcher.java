package dev.mocks3.state.outbox;

import java.net.URI;
import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;

import dev.mocks3.events.delivery.DeliveryFaults;
import dev.mocks3.events.delivery.EventDelivery;
import dev.mocks3.events.delivery.HttpEventSender;
import dev.mocks3.events.delivery.NotificationsProperties;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Delivers the outbox: claims due rows with {@code FOR UPDATE SKIP LOCKED} (so instances sharing the
 * database never take the same row), hands each event to the broker, and in the same transaction
 * deletes it, or schedules the next attempt with exponential backoff, or, after the last attempt,
 * sends it to the dead-letter sink. An instance claims only the notifications of destinations it
 * knows (all instances of a deployment share that setting). Only the oldest row of an ordering key is ever claimed, so the
 * events of one object key go out in order. A crash mid-delivery rolls the claim back: the event is
 * delivered again (at least once; consumers dedupe by event id).
 */
public final class OutboxDispatcher implements SmartLifecycle {
    private static final Logger log = LoggerFactory.getLogger(OutboxDispatcher.class);
    private static final String CLAIM = """
            select seq, event_id, attempts, event from event_outbox o
            where o.dead_at is null and o.due_at <= now() and (o.destination is null or o.destination = any($2))
              and (o.ordering_key is null or not exists (select 1 from event_outbox p
                   where p.ordering_key = o.ordering_key and p.dead_at is null and p.seq < o.seq))
            order by o.seq limit $1
            for update skip locked""";

    private final DatabaseClient db;
    private final TransactionalOperator tx;
    private final EventDelivery delivery;
    private final DeliveryFaults faults;
    private final NotificationsProperties settings;
    private final OutboxSignal signal;
    private final HttpEventSender deadLetter;
    /** The destinations this instance can route; rows for others are left to the instances that can. */
    private final String[] destinations;
    private volatile Disposable loop;
    /** A dispatch failed (PostgreSQL down, say): the next failures are not logged again until one succeeds. */
    private volatile boolean failing;

    public OutboxDispatcher(DatabaseClient db, TransactionalOperator tx, EventDelivery delivery, DeliveryFaults faults,
                            NotificationsProperties settings, OutboxSignal signal, Duration timeout) {
        this.db = db;
        this.tx = tx;
        this.delivery = delivery;
        this.faults = faults;
        this.settings = settings;
        this.signal = signal;
        this.destinations = settings.destinations().keySet().toArray(String[]::new);
        URI deadLetterSink = settings.deadLetter();
        this.deadLetter = deadLetterSink == null || deadLetterSink.toString().isBlank() ? null
                : new HttpEventSender(deadLetterSink, timeout);
    }

    private record Claimed(long seq, String eventId, int attempts, byte[] event) {
    }

    private enum Result { DELIVERED, RETRY, DEAD }

    private record Outcome(Claimed row, Result result, String error) {
    }

    /** Delivers every row due now, batch after batch; the number of rows handled. */
    public Mono<Integer> drain() {
        return dispatchBatch().expand(n -> n >= settings.batchSize() ? dispatchBatch() : Mono.empty())
                .reduce(0, Integer::sum);
    }

    private Mono<Integer> dispatchBatch() {
        Mono<Integer> work = db.sql(CLAIM).bind(0, settings.batchSize()).bind(1, destinations)
                .map(row -> new Claimed(row.get("seq", Long.class), row.get("event_id", String.class),
                        row.get("attempts", Integer.class), row.get("event", byte[].class)))
                .all()
                .flatMap(this::attempt)
                .collectList()
                .flatMap(outcomes -> Flux.fromIterable(outcomes).concatMap(this::record).then(Mono.just(outcomes.size())));
        return tx.transactional(work);
    }

    private Mono<Outcome> attempt(Claimed row) {
        CloudEvent event;
        try {
            event = StoredEvents.deserialize(row.event());
        } catch (RuntimeException unreadable) {
            return Mono.just(new Outcome(row, Result.DEAD, "unreadable event: " + unreadable.getMessage()));
        }
        return faults.plan(event).defaultIfEmpty(DeliveryFaults.DeliveryPlan.NORMAL)
                .flatMap(plan -> send(event, plan))
                .thenReturn(new Outcome(row, Result.DELIVERED, null))
                .onErrorResume(e -> failed(row, event, e.toString()));
    }

    private Mono<Void> send(CloudEvent event, DeliveryFaults.DeliveryPlan plan) {
        Mono<Void> wait = plan.delay().isZero() ? Mono.empty() : Mono.delay(plan.delay()).then();
        if (plan.failure() != null) {
            return wait.then(Mono.error(new IllegalStateException("fault: " + plan.failure())));
        }
        if (plan.drop()) {
            return wait.doOnSuccess(v -> log.info("fault: event {} {} dropped", event.getType(), event.getId()));
        }
        return wait.then(Flux.range(0, Math.max(1, plan.copies())).concatMap(copy -> delivery.deliver(event)).then());
    }

    private Mono<Outcome> failed(Claimed row, CloudEvent event, String error) {
        int attempts = row.attempts() + 1;
        if (attempts < settings.maxAttempts()) {
            log.info("event {} {}: attempt {} failed ({}); next in {}", event.getType(), event.getId(), attempts, error,
                    settings.backoffAfter(attempts));
            return Mono.just(new Outcome(row, Result.RETRY, error));
        }
        if (deadLetter == null) {
            log.warn("event {} {}: {} attempts failed ({}); no dead-letter sink, kept as dead", event.getType(),
                    event.getId(), attempts, error);
            return Mono.just(new Outcome(row, Result.DEAD, error));
        }
        CloudEvent letter = CloudEventBuilder.from(event).withExtension("mocks3error", truncate(error))
                .withExtension("mocks3attempts", attempts).build();
        return deadLetter.publish(letter)
                .doOnSuccess(v -> log.warn("event {} {}: {} attempts failed ({}); sent to the dead-letter sink",
                        event.getType(), event.getId(), attempts, error))
                .thenReturn(new Outcome(row, Result.DELIVERED, error))
                .onErrorResume(e -> Mono.just(new Outcome(row, Result.DEAD, error + "; dead-letter sink: " + e)));
    }

    private Mono<Void> record(Outcome outcome) {
        long seq = outcome.row().seq();
        int attempts = outcome.row().attempts() + 1;
        return switch (outcome.result()) {
            case DELIVERED -> db.sql("delete from event_outbox where seq = $1").bind(0, seq).then();
            case RETRY -> db.sql("update event_outbox set attempts = $2, last_error = $3, "
                            + "due_at = now() + make_interval(secs => $4) where seq = $1")
                    .bind(0, seq).bind(1, attempts).bind(2, truncate(outcome.error()))
                    .bind(3, settings.backoffAfter(attempts).toMillis() / 1000.0).then();
            case DEAD -> db.sql("update event_outbox set attempts = $2, last_error = $3, dead_at = now() where seq = $1")
                    .bind(0, seq).bind(1, attempts).bind(2, truncate(outcome.error())).then();
        };
    }

    private static String truncate(String text) {
        return text == null || text.length() <= 1000 ? text : text.substring(0, 1000);
    }

    @Override
    public void start() {
        if (!settings.dispatch() || loop != null) {
            return;
        }
        loop = Flux.merge(Flux.interval(Duration.ZERO, settings.pollInterval()).map(tick -> Boolean.TRUE), signal.wakeups())
                .onBackpressureLatest()
                .concatMap(tick -> drain()
                        .doOnSuccess(n -> {
                            if (failing) {
                                failing = false;
                                log.info("outbox dispatch works again");
                            }
                        })
                        .onErrorResume(e -> {
                            if (!failing) {
                                failing = true;
                                log.warn("outbox dispatch failed, retried at every poll until it works: {}", e.toString());
                            }
                            return Mono.just(0);
                        }), 1)
                .subscribe();
        log.info("outbox dispatcher started: poll every {}, {} attempts from {} backoff", settings.pollInterval(),
                settings.maxAttempts(), settings.backoff());
    }

    @Override
    public void stop() {
        Disposable running = loop;
        loop = null;
        if (running != null) {
            running.dispose();
        }
    }

    @Override
    public boolean isRunning() {
        return loop != null;
    }
}
