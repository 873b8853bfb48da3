package dev.mocks3.drive.search;

import java.util.UUID;

import dev.mocks3.events.job.DriveSearchIndex;
import dev.mocks3.events.job.Job;
import dev.mocks3.events.job.JobEvents;
import dev.mocks3.state.outbox.Outbox;
import reactor.core.publisher.Mono;

/**
 * The one call every change of the drive's files makes so that search follows: it writes a
 * {@code dev.mocks3.job.drive.search.index} CloudEvent to the transactional outbox. Called inside
 * the change's transaction, the event commits with the change (or not at all); the dispatcher then
 * hands it to the {@code driveSearchIndex} function, which re-reads the entry and everything below
 * it from the files table.
 *
 * <pre>{@code
 * tx.transactional(entries.insert(...).flatMap(e -> indexing.changed(user, e.id()).thenReturn(e)))
 * }</pre>
 */
public final class SearchIndexing {
    private final Outbox outbox;

    public SearchIndexing(Outbox outbox) {
        this.outbox = outbox;
    }

    /** Entry {@code entryId} of {@code user} (and what is below it) was created, renamed, moved, trashed or restored. */
    public Mono<Void> changed(long user, long entryId) {
        return outbox.add(JobEvents.event(Job.DRIVE_SEARCH_INDEX, UUID.randomUUID().toString(), user + "/" + entryId,
                new DriveSearchIndex(user, entryId)), null);
    }
}
