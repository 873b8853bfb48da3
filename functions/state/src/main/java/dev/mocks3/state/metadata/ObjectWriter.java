package dev.mocks3.state.metadata;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

import org.springframework.transaction.reactive.TransactionalOperator;

import dev.mocks3.core.notification.S3EventNames;
import dev.mocks3.state.blob.BlobStaging;
import dev.mocks3.state.blob.BlobStore;
import dev.mocks3.state.blob.StagedBlob;
import dev.mocks3.state.notification.ChangeCause;
import dev.mocks3.state.notification.ObjectEvents;
import reactor.core.publisher.Mono;

/**
 * Makes a fully received body an object, or deletes one, in a single transaction: the blob is
 * published and referenced, the row replaced, the previous blob released; a blob whose last
 * reference went away is removed from the store after the commit. The change's notification events
 * are written to the outbox in the same transaction.
 */
public final class ObjectWriter {
    private final ObjectStore objects;
    private final BlobReferences refs;
    private final BlobStore blobs;
    private final BlobStaging staging;
    private final TransactionalOperator tx;
    private final ObjectEvents events;

    public ObjectWriter(ObjectStore objects, BlobReferences refs, BlobStore blobs, BlobStaging staging,
                        TransactionalOperator tx, ObjectEvents events) {
        this.objects = objects;
        this.refs = refs;
        this.blobs = blobs;
        this.staging = staging;
        this.tx = tx;
        this.events = events;
    }

    /** Commits {@code staged} as the object described by {@code draft}; {@code etag} null means its MD5. */
    public Mono<ObjectRecord> write(ObjectDraft draft, StagedBlob staged, String etag) {
        return write(draft, staged, etag, WriteCondition.NONE, ChangeCause.internal(S3EventNames.OBJECT_CREATED_PUT));
    }

    /** As {@link #write(ObjectDraft, StagedBlob, String)}, if {@code condition} holds for the object it replaces. */
    public Mono<ObjectRecord> write(ObjectDraft draft, StagedBlob staged, String etag, WriteCondition condition,
                                    ChangeCause cause) {
        ObjectRecord record = new ObjectRecord(draft.bucket(), draft.key(), staged.sha256(), staged.size(),
                etag != null ? etag : staged.md5Hex(), Instant.now().truncatedTo(ChronoUnit.MILLIS),
                draft.contentType(), draft.headers(), draft.userMetadata(), draft.storageClass(), draft.owner(),
                java.util.Map.of("CRC32", staged.crc32()));
        return commit(record, blobs.publish(staged), condition, cause)
                .onErrorResume(e -> staging.discard(staged).then(Mono.error(e)))
                // a request cancelled mid-commit (its client left) must not leave its temporary file
                .doOnCancel(() -> staging.discard(staged).subscribe());
    }

    /** Registers an already published blob as an object (a copy): no bytes move. */
    public Mono<ObjectRecord> link(ObjectRecord record, ChangeCause cause) {
        return commit(record, Mono.empty(), WriteCondition.NONE, cause);
    }

    /**
     * The key is locked first: without a row to lock, concurrent first writers would each think
     * they replace nothing, and the blobs of all but the last would stay referenced by no one.
     */
    private Mono<ObjectRecord> commit(ObjectRecord record, Mono<Void> publish, WriteCondition condition,
                                      ChangeCause cause) {
        Mono<Optional<String>> work = refs.lockName(record.bucket(), record.key())
                .then(objects.current(record.bucket(), record.key()).map(Optional::of).defaultIfEmpty(Optional.empty()))
                .flatMap(current -> {
                    condition.check(current.map(CurrentObject::etag));
                    String previous = current.map(CurrentObject::blobSha256).orElse(null);
                    return refs.lock(ObjectStore.nonNull(record.blobSha256(), previous))
                            .then(publish)
                            .then(objects.replace(record, previous))
                            .flatMap(last -> events.created(record, cause).thenReturn(last))
                            .map(lastReference -> lastReference ? Optional.of(previous) : Optional.<String>empty());
                });
        return tx.transactional(work)
                .flatMap(orphan -> refs.releasedAfterCommit(orphan.stream().toList()).thenReturn(record));
    }

    /** Deletes the object; true if there was one. */
    public Mono<Boolean> delete(String bucket, String key) {
        return delete(bucket, key, ChangeCause.internal(S3EventNames.OBJECT_REMOVED_DELETE));
    }

    /** Deletes the object, telling its notifications why; true if there was one. */
    public Mono<Boolean> delete(String bucket, String key, ChangeCause cause) {
        Mono<Optional<String>> work = refs.lockName(bucket, key)
                .then(objects.current(bucket, key))
                .map(CurrentObject::blobSha256)
                .flatMap(previous -> refs.lock(java.util.List.of(previous))
                        .then(objects.deleteRow(bucket, key))
                        .then(events.removed(bucket, key, cause))
                        .then(releaseReturningOrphan(previous))
                        .map(orphan -> Optional.of(orphan.orElse(""))));
        return tx.transactional(work)
                .flatMap(orphan -> orphan.filter(sha -> !sha.isEmpty()).map(sha -> refs.releasedAfterCommit(List.of(sha)))
                        .orElse(Mono.empty()).thenReturn(true))
                .defaultIfEmpty(false);
    }

    private Mono<Optional<String>> releaseReturningOrphan(String sha256) {
        return refs.release(sha256).map(last -> last ? Optional.of(sha256) : Optional.empty());
    }
}
