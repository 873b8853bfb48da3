package dev.mocks3.state.outbox;

import java.time.Instant;
import java.time.OffsetDateTime;

import org.springframework.r2dbc.core.DatabaseClient;

import io.r2dbc.spi.Readable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** What the admin endpoint shows of the outbox: the events not delivered yet, and cancelling one. */
public final class ScheduledEvents {
    private static final String COLUMNS = "event_id, event_type, ordering_key, due_at, attempts, last_error, dead_at, "
            + "created_at, event";
    private final DatabaseClient db;

    public ScheduledEvents(DatabaseClient db) {
        this.db = db;
    }

    /** Which rows to list. */
    public enum State { ALL, DUE, PENDING, DEAD }

    /**
     * One undelivered event.
     *
     * @param deadAt when it was given up (every attempt failed, no dead-letter sink took it), or null
     * @param event  the CloudEvent in JSON format
     */
    public record Entry(String id, String type, String orderingKey, Instant dueAt, int attempts, String lastError,
                        Instant deadAt, Instant createdAt, byte[] event) {
    }

    /** Undelivered events, soonest due first: due (now or overdue), pending (due later), dead. */
    public Flux<Entry> list(State state, int limit) {
        String where = switch (state) {
            case ALL -> "true";
            case DUE -> "dead_at is null and due_at <= now()";
            case PENDING -> "dead_at is null and due_at > now()";
            case DEAD -> "dead_at is not null";
        };
        return db.sql("select " + COLUMNS + " from event_outbox where " + where + " order by due_at, seq limit $1")
                .bind(0, limit).map(ScheduledEvents::toEntry).all();
    }

    public Mono<Entry> find(String id) {
        return db.sql("select " + COLUMNS + " from event_outbox where event_id = $1").bind(0, id)
                .map(ScheduledEvents::toEntry).one();
    }

    /** Removes the event so it is never delivered; false when there is no such undelivered event. */
    public Mono<Boolean> cancel(String id) {
        return db.sql("delete from event_outbox where event_id = $1").bind(0, id).fetch().rowsUpdated().map(n -> n > 0);
    }

    private static Entry toEntry(Readable row) {
        return new Entry(row.get("event_id", String.class), row.get("event_type", String.class),
                row.get("ordering_key", String.class), instant(row.get("due_at", OffsetDateTime.class)),
                row.get("attempts", Integer.class), row.get("last_error", String.class),
                instant(row.get("dead_at", OffsetDateTime.class)), instant(row.get("created_at", OffsetDateTime.class)),
                row.get("event", byte[].class));
    }

    private static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }
}
