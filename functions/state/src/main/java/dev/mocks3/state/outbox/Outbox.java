package dev.mocks3.state.outbox;

import java.time.Instant;
import java.time.ZoneOffset;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.NoTransactionException;
import org.springframework.transaction.reactive.TransactionSynchronization;
import org.springframework.transaction.reactive.TransactionSynchronizationManager;

import dev.mocks3.events.delivery.NotificationsProperties;
import io.cloudevents.CloudEvent;
import reactor.core.publisher.Mono;

/**
 * Writes CloudEvents to the transactional outbox. Called inside a transaction (a
 * {@code TransactionalOperator}'s), the row commits or rolls back with the caller's change; the
 * {@link OutboxDispatcher} of some instance delivers it afterwards, at least once. Outside a
 * transaction the row is written on its own.
 *
 * <pre>{@code
 * tx.transactional(changeSomething().then(outbox.add(event, "bucket/key")))   // delivered after the commit
 * outbox.schedule(event, Instant.now().plus(Duration.ofDays(30)))             // a delayed job
 * }</pre>
 */
public final class Outbox {
    private final DatabaseClient db;
    private final OutboxSignal signal;

    public Outbox(DatabaseClient db, OutboxSignal signal) {
        this.db = db;
        this.signal = signal;
    }

    /** Adds the event, due now; events of one {@code orderingKey} (null: none) are delivered in the order added. */
    public Mono<Void> add(CloudEvent event, String orderingKey) {
        return add(event, orderingKey, null);
    }

    /** Adds the event to be delivered at {@code dueAt} (a delayed job), in no particular order with others. */
    public Mono<Void> schedule(CloudEvent event, Instant dueAt) {
        return add(event, null, dueAt);
    }

    /** Adds the event, due at {@code dueAt} (null: now). */
    public Mono<Void> add(CloudEvent event, String orderingKey, Instant dueAt) {
        var spec = db.sql("insert into event_outbox (event_id, event_type, ordering_key, due_at, event, destination) "
                        + "values ($1, $2, $3, coalesce($4, now()), $5, $6)")
                .bind(0, event.getId()).bind(1, event.getType());
        Object destination = event.getExtension(NotificationsProperties.DESTINATION_ATTRIBUTE);
        spec = destination == null ? spec.bindNull(5, String.class) : spec.bind(5, destination.toString());
        spec = orderingKey == null ? spec.bindNull(2, String.class) : spec.bind(2, orderingKey);
        spec = dueAt == null ? spec.bindNull(3, java.time.OffsetDateTime.class) : spec.bind(3, dueAt.atOffset(ZoneOffset.UTC));
        return spec.bind(4, StoredEvents.serialize(event)).then().then(wakeDispatcherAfterCommit());
    }

    /** The local dispatcher looks at once instead of at its next poll; other instances poll. */
    private Mono<Void> wakeDispatcherAfterCommit() {
        return TransactionSynchronizationManager.forCurrentTransaction()
                .doOnNext(tsm -> tsm.registerSynchronization(new TransactionSynchronization() {
                    @Override
                    public Mono<Void> afterCommit() {
                        return Mono.fromRunnable(signal::wake);
                    }
                }))
                .onErrorResume(NoTransactionException.class, e -> Mono.fromRunnable(signal::wake).then(Mono.empty()))
                .then();
    }
}
