package dev.mocks3.drive.purge;

import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;

import org.springframework.r2dbc.core.DatabaseClient;

import dev.mocks3.drive.files.Entry;
import dev.mocks3.events.job.DriveTrashPurge;
import dev.mocks3.events.job.Job;
import dev.mocks3.events.job.JobEvents;
import dev.mocks3.state.outbox.Outbox;
import reactor.core.publisher.Mono;

/**
 * Schedules the purge of each trash item as a delayed CloudEvent in the outbox, due when the
 * retention runs out: it is a row in PostgreSQL, so it survives restarts and is carried out by
 * whichever instance runs when it falls due. The event id names the item and the moment it was
 * deleted, so a restore can take it back and a later deletion of the same item gets its own.
 */
public final class TrashRetention {
    private final DatabaseClient db;
    private final Outbox outbox;
    private final TrashProperties properties;

    public TrashRetention(DatabaseClient db, Outbox outbox, TrashProperties properties) {
        this.db = db;
        this.outbox = outbox;
        this.properties = properties;
    }

    /** Schedules the purge of the trash item {@code id} just deleted; call in the deleting transaction. */
    public Mono<Void> schedule(long user, long id) {
        return db.sql("select trashed_at from drive_entries where id = $1 and user_id = $2 and trash_root")
                .bind(0, id).bind(1, user).map(row -> row.get(0, OffsetDateTime.class)).one()
                .flatMap(trashedAt -> outbox.schedule(JobEvents.event(Job.DRIVE_TRASH_PURGE, eventId(id, trashedAt),
                                user + "/" + id, new DriveTrashPurge(user, id, trashedAt)),
                        trashedAt.toInstant().plus(properties.retention())));
    }

    /**
     * Takes back the purge of a trash item that was restored or purged by hand. Call after the
     * change committed: a purge being delivered right now is skipped, and finds nothing to do.
     */
    public Mono<Void> cancel(long user, Entry root) {
        if (root.deletedAt() == null) {
            return Mono.empty();
        }
        return db.sql("delete from event_outbox where seq in (select seq from event_outbox where event_id = $1 "
                        + "for update skip locked)")
                .bind(0, eventId(root.id(), root.deletedAt())).fetch().rowsUpdated().then();
    }

    static String eventId(long id, OffsetDateTime trashedAt) {
        return "drive-trash-purge-" + id + "-" + ChronoUnit.MICROS.between(OffsetDateTime.parse("1970-01-01T00:00:00Z"), trashedAt);
    }
}
