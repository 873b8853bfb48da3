package dev.mocks3.state.metadata;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import org.springframework.transaction.reactive.TransactionalOperator;

import dev.mocks3.core.error.S3Error;
import dev.mocks3.core.notification.S3EventNames;
import dev.mocks3.state.blob.AheadPublishing;
import dev.mocks3.state.blob.BlobStaging;
import dev.mocks3.state.blob.BlobStore;
import dev.mocks3.state.blob.SmallBody;
import dev.mocks3.state.blob.StagedBlob;
import dev.mocks3.state.notification.ChangeCause;
import dev.mocks3.state.notification.ObjectEvents;
import reactor.core.publisher.Mono;

/**
 * Makes a fully received body an object, or deletes one, in a single transaction: the blob is
 * published and referenced, the row replaced, the previous blob released; a blob whose last
 * reference went away is removed from the store after the commit. The change's notification events
 * are written to the outbox in the same transaction. The common PutObject (unversioned bucket
 * without notifications, no condition, a store that publishes ahead) needs no transaction: its blob
 * is published first and its row written by one autocommit statement ({@code writeAhead}).
 *
 * <p>In a versioned bucket a write keeps the replaced object as a non-current version (with its
 * blob reference) and a delete adds a delete marker; only the null version is replaced (suspended
 * versioning) and only a delete naming a version removes one. An unversioned bucket pays for none of
 * this: the bucket's versioning is read in the same statement as the replaced row.
 */
public final class ObjectWriter {
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(ObjectWriter.class);
    private final ObjectStore objects;
    private final ObjectVersions versions;
    private final BlobReferences refs;
    private final BlobStore blobs;
    private final BlobStaging staging;
    private final TransactionalOperator tx;
    private final ObjectEvents events;

    public ObjectWriter(ObjectStore objects, ObjectVersions versions, BlobReferences refs, BlobStore blobs,
                        BlobStaging staging, TransactionalOperator tx, ObjectEvents events) {
        this.objects = objects;
        this.versions = versions;
        this.refs = refs;
        this.blobs = blobs;
        this.staging = staging;
        this.tx = tx;
        this.events = events;
    }

    /** The committed record, and the blobs whose last reference the transaction dropped. */
    private record Changed<T>(T result, List<String> orphans) {
    }

    /** Commits {@code staged} as the object described by {@code draft}; {@code etag} null means its MD5. */
    public Mono<ObjectRecord> write(ObjectDraft draft, StagedBlob staged, String etag) {
        return write(draft, staged, etag, WriteCondition.NONE, ChangeCause.internal(S3EventNames.OBJECT_CREATED_PUT));
    }

    /**
     * As {@link #write(ObjectDraft, StagedBlob, String)}, if {@code condition} holds for the object it
     * replaces. The record returned carries the version id the write got.
     */
    public Mono<ObjectRecord> write(ObjectDraft draft, StagedBlob staged, String etag, WriteCondition condition,
                                    ChangeCause cause) {
        return write(draft, staged, etag, null, condition, cause);
    }

    /**
     * As {@link #write(ObjectDraft, StagedBlob, String, WriteCondition, ChangeCause)}, keeping {@code checksums}
     * (a checksum the client declared or a multipart one) instead of the staged CRC32; null keeps the CRC32.
     */
    public Mono<ObjectRecord> write(ObjectDraft draft, StagedBlob staged, String etag, Map<String, String> checksums,
                                    WriteCondition condition, ChangeCause cause) {
        ObjectRecord record = recordOf(draft, staged, etag, checksums);
        Optional<AheadPublishing> ahead = condition == WriteCondition.NONE ? blobs.aheadPublishing() : Optional.empty();
        if (ahead.isPresent()) {
            // runs to its end when the client leaves: once published, only its own end knows whether the row committed
            return toItsEnd(() -> writeAhead(record, staged, ahead.get(), cause));
        }
        return inTransaction(record, staged, condition, cause);
    }

    /**
     * As {@link #write(ObjectDraft, StagedBlob, String, Map, WriteCondition, ChangeCause)}, in one transaction
     * from the start: for a caller that knows the bucket is versioned, where the single statement of the
     * common path would only decline.
     */
    public Mono<ObjectRecord> writeInTransaction(ObjectDraft draft, StagedBlob staged, String etag,
                                                 Map<String, String> checksums, WriteCondition condition,
                                                 ChangeCause cause) {
        return inTransaction(recordOf(draft, staged, etag, checksums), staged, condition, cause);
    }

    /**
     * As {@link #write(ObjectDraft, StagedBlob, String, Map, WriteCondition, ChangeCause)} for a body held in
     * memory ({@link SmallBody}): in an unversioned bucket without notifications, one autocommit statement
     * writes the row and keeps the bytes in the blob's row (state V21): no file is created, and none is left
     * to settle. Elsewhere (or with a condition) the bytes are staged into a file and written as any other body.
     */
    public Mono<ObjectRecord> write(ObjectDraft draft, SmallBody small, String etag, Map<String, String> checksums,
                                    WriteCondition condition, ChangeCause cause) {
        ObjectRecord record = recordOf(draft, small.sha256(), small.size(), etag != null ? etag : small.md5Hex(),
                checksums != null ? checksums : Map.of("CRC32", small.crc32()));
        if (condition != WriteCondition.NONE) {
            return staging.stage(small).flatMap(staged -> inTransaction(record, staged, condition, cause));
        }
        ObjectRecord unversioned = record.withVersionId(null);
        // runs to its end when the client leaves, so that the file of the blob it replaced is checked
        return toItsEnd(() -> objects.writeAloneIfUnversioned(unversioned,
                        BlobReferences.NameLock.of(record.bucket(), record.key()), small.bytes())
                .flatMap(alone -> alone.written()
                        ? refs.releasedAfterCommit(ObjectStore.nonNull(alone.releasedLast())).thenReturn(unversioned)
                        : staging.stage(small).flatMap(staged -> inTransaction(record, staged, condition, cause))));
    }

    /**
     * {@code work}, run to its end even when its subscriber cancels (the client left), under the subscriber's
     * context: a traced request's statements and blob steps stay in its trace. The writes it runs are
     * autocommit statements; no caller runs one inside a transaction of its own (that context would carry it).
     */
    private static <T> Mono<T> toItsEnd(java.util.function.Supplier<Mono<T>> work) {
        return Mono.deferContextual(context -> Mono.fromFuture(() -> work.get().contextWrite(context).toFuture(), true));
    }

    /** The record of a staged body: {@code etag} null means its MD5, {@code checksums} null its CRC32. */
    private static ObjectRecord recordOf(ObjectDraft draft, StagedBlob staged, String etag, Map<String, String> checksums) {
        return recordOf(draft, staged.sha256(), staged.size(), etag != null ? etag : staged.md5Hex(),
                checksums != null ? checksums : Map.of("CRC32", staged.crc32()));
    }

    private static ObjectRecord recordOf(ObjectDraft draft, String sha256, long size, String etag,
                                         Map<String, String> checksums) {
        return new ObjectRecord(draft.bucket(), draft.key(), sha256, size, etag,
                Instant.now().truncatedTo(ChronoUnit.MILLIS), draft.contentType(), draft.headers(), draft.userMetadata(),
                draft.storageClass(), draft.owner(), checksums, null, draft.tags());
    }

    /** The write in one transaction, the staged file published under its hash's lock; a failure leaves no file. */
    private Mono<ObjectRecord> inTransaction(ObjectRecord record, StagedBlob staged, WriteCondition condition,
                                             ChangeCause cause) {
        return underLocks(record, staged, condition, cause)
                .onErrorResume(e -> staging.discard(staged).then(Mono.error(e)))
                // a request cancelled mid-commit (its client left) must not leave its temporary file
                .doOnCancel(() -> staging.discard(staged).subscribe());
    }

    /** The blob published under its hash's lock inside the writing transaction. */
    private Mono<ObjectRecord> underLocks(ObjectRecord record, StagedBlob staged, WriteCondition condition,
                                          ChangeCause cause) {
        return commit(record, Mono.empty(), blobs.publish(staged).thenReturn(List.of()), condition, cause);
    }

    /**
     * The common PutObject (issue 13): the blob is published first, keeping its staged file (see
     * {@link AheadPublishing}), then the row is written by one autocommit statement, and the blob is
     * settled after it. Where that statement writes nothing (a versioned or notifying bucket, none),
     * the write goes on {@link #underLocks} as before, whose publication finds the blob published or
     * puts it back. A write that fails (perhaps after its commit) settles the blob too, then leaves it to
     * the unreferenced check. Once the row committed, nothing fails the answer: a blob that cannot be settled
     * then is settled later ({@link BlobReferences#settleAfterCommit}).
     */
    private Mono<ObjectRecord> writeAhead(ObjectRecord record, StagedBlob received, AheadPublishing ahead,
                                          ChangeCause cause) {
        ObjectRecord unversioned = record.withVersionId(null);
        AtomicReference<StagedBlob> kept = new AtomicReference<>(received);
        return BlobReferences.blocking(() -> {
                    StagedBlob staged = staging.keepForSettling(received);
                    kept.set(staged);
                    ahead.publishAhead(staged);
                })
                .then(Mono.defer(() -> writeAlone(unversioned, kept.get(), ahead, record, cause)))
                .onErrorResume(e -> afterFailure(kept.get(), ahead)
                        .then(refs.releasedAfterCommit(List.of(received.sha256())))
                        .then(Mono.error(e)));
    }

    private Mono<ObjectRecord> writeAlone(ObjectRecord unversioned, StagedBlob staged, AheadPublishing ahead,
                                          ObjectRecord record, ChangeCause cause) {
        return objects.writeAloneIfUnversioned(unversioned, BlobReferences.NameLock.of(record.bucket(), record.key()), null)
                .flatMap(alone -> alone.written()
                        ? refs.settleAfterCommit(ahead, staged)
                                .then(refs.releasedAfterCommit(ObjectStore.nonNull(alone.releasedLast())))
                                .thenReturn(unversioned)
                        : underLocks(record, staged, WriteCondition.NONE, cause));
    }

    /**
     * A failed write may have committed its row all the same (the answer was lost) or not: settling tells
     * by the row. A staged file not yet kept for settling is just removed; one that cannot be settled now
     * (the database is away) stays in this process's folder, which the storage sweep settles should it die.
     */
    private Mono<Void> afterFailure(StagedBlob staged, AheadPublishing ahead) {
        if (!BlobStaging.isKeptForSettling(staged.file())) {
            return staging.discard(staged);
        }
        return refs.settle(ahead, staged).onErrorResume(e -> {
            log.warn("blob {} of a failed write could not be settled now ({})", staged.sha256(), e.toString());
            return Mono.empty();
        });
    }

    /** Registers an already published blob as an object (a copy): no bytes move. */
    public Mono<ObjectRecord> link(ObjectRecord record, ChangeCause cause) {
        return commit(record, Mono.empty(), Mono.just(List.of()), WriteCondition.NONE, cause);
    }

    /**
     * Commits an object whose blob is composed of part blobs ({@code record.blobSha256()} a
     * {@link dev.mocks3.state.blob.ComposedBlob} id). {@code claim} runs first in the transaction, before
     * the key's lock (a completed upload's row is locked and its parts checked: an UploadPart takes that
     * row first too, so neither waits on the other in a cycle); {@code publish} then writes the manifest
     * and, under the key's lock, does the rest the object needs (the upload goes), answering the blobs
     * whose last reference it dropped. A failure after the manifest was written takes it away again,
     * unless something references it.
     */
    public Mono<ObjectRecord> compose(ObjectRecord record, Mono<Void> claim, Mono<List<String>> publish,
                                      WriteCondition condition, ChangeCause cause) {
        AtomicBoolean published = new AtomicBoolean();
        return commit(record, claim, publish.doOnSubscribe(subscription -> published.set(true)), condition, cause)
                .onErrorResume(e -> (published.get() ? withoutManifest(record.blobSha256()) : Mono.<Void>empty())
                        .then(Mono.error(e)))
                .doOnCancel(() -> {
                    if (published.get()) {
                        withoutManifest(record.blobSha256()).subscribe();
                    }
                });
    }

    /** After a rolled-back composition: the manifest goes unless a committed row references it. */
    private Mono<Void> withoutManifest(String composedId) {
        return refs.releasedAfterCommit(List.of(composedId));
    }

    /**
     * After {@code first} (nothing, but a completion's claim on its upload), the key is locked
     * before anything else: without a row to lock, concurrent first writers would each think
     * they replace nothing, and the blobs of all but the last would stay referenced by no one.
     * An unversioned bucket's write is one statement that locks, reads, writes and re-counts (the
     * common case: BEGIN, that statement, the blob's rename, COMMIT); a condition that fails on
     * what it replaced rolls it back. A versioned bucket's write goes on from the key's lock.
     */
    private Mono<ObjectRecord> commit(ObjectRecord record, Mono<Void> first, Mono<List<String>> publish,
                                      WriteCondition condition, ChangeCause cause) {
        ObjectRecord unversioned = record.withVersionId(null);
        Mono<Changed<ObjectRecord>> work = first.then(objects.writeIfUnversioned(unversioned,
                        BlobReferences.NameLock.of(record.bucket(), record.key())))
                .flatMap(attempt -> {
                    if (attempt.state() == null) {
                        // deleted since the caller found it
                        throw S3Error.NO_SUCH_BUCKET.at("/" + record.bucket()).with("BucketName", record.bucket());
                    }
                    KeyState state = attempt.state();
                    condition.check(state.current().map(CurrentObject::etag));
                    if (attempt.written()) {
                        List<String> orphans = attempt.releasedLast() ? List.of(state.current().get().blobSha256())
                                : List.of();
                        return publish.flatMap(released -> (attempt.notifies() ? events.created(unversioned, cause)
                                : Mono.<Void>empty()).thenReturn(new Changed<>(unversioned, plus(released, orphans))));
                    }
                    return (switch (state.versioning()) {
                        case UNVERSIONED -> throw new IllegalStateException("an unversioned write is written by the statement");
                        case ENABLED -> addVersion(record.withVersionId(VersionIds.next()), state, publish);
                        case SUSPENDED -> replaceNullVersion(unversioned, state, publish);
                    }).flatMap(changed -> events.created(changed.result(), cause).thenReturn(changed));
                });
        return tx.transactional(work)
                .flatMap(changed -> refs.releasedAfterCommit(changed.orphans()).thenReturn(changed.result()));
    }

    /** Versioning enabled: the current object becomes a non-current version, keeping its blob. */
    private Mono<Changed<ObjectRecord>> addVersion(ObjectRecord record, KeyState state, Mono<List<String>> publish) {
        return refs.lock(List.of(record.blobSha256()))
                .then(publish)
                .flatMap(released -> (state.current().isPresent() ? versions.demoteCurrent(record.bucket(), record.key())
                        : Mono.<Void>empty())
                        .then(objects.replace(record, null))
                        .thenReturn(new Changed<>(record, released)));
    }

    /** Versioning suspended: the write replaces the null version, current or not; other versions stay. */
    private Mono<Changed<ObjectRecord>> replaceNullVersion(ObjectRecord record, KeyState state, Mono<List<String>> publish) {
        String bucket = record.bucket();
        String key = record.key();
        Optional<CurrentObject> current = state.current();
        String previous = current.filter(c -> c.versionId() == null).map(CurrentObject::blobSha256).orElse(null);
        return noncurrentNullVersion(bucket, key).flatMap(nullVersion -> refs.lock(ObjectStore.nonNull(record.blobSha256(),
                        previous, nullVersion.flatMap(ObjectVersions.Noncurrent::blobSha256).orElse(null)))
                .then(publish)
                .flatMap(released -> (current.isPresent() && previous == null ? versions.demoteCurrent(bucket, key)
                        : Mono.<Void>empty())
                        .then(dropNoncurrent(nullVersion))
                        .flatMap(orphans -> objects.replace(record, previous)
                                .map(last -> new Changed<>(record, plus(plus(released, orphans), last ? previous : null))))));
    }

    /** Deletes the object; true if there was one. */
    public Mono<Boolean> delete(String bucket, String key) {
        return delete(bucket, key, ChangeCause.internal(S3EventNames.OBJECT_REMOVED_DELETE));
    }

    /** Deletes the object (adds a delete marker in a versioned bucket), telling its notifications why; true if there was one. */
    public Mono<Boolean> delete(String bucket, String key, ChangeCause cause) {
        return delete(bucket, key, null, cause).map(Deletion::found);
    }

    /**
     * DeleteObject: without {@code versionId}, deletes the object of an unversioned bucket or adds a
     * delete marker in a versioned one; with it, removes that version for good (its blob goes with
     * its last reference), and the next newer version that is an object becomes the current one.
     */
    public Mono<Deletion> delete(String bucket, String key, String versionId, ChangeCause cause) {
        return delete(bucket, key, versionId, cause, VersionGuard.NONE);
    }

    /** As {@link #delete(String, String, String, ChangeCause)}; a version {@code guard} refuses stays (Object Lock). */
    public Mono<Deletion> delete(String bucket, String key, String versionId, ChangeCause cause, VersionGuard guard) {
        return delete(bucket, key, versionId, cause, Instant.MAX, guard, WriteCondition.NONE);
    }

    /**
     * As {@link #delete(String, String, String, ChangeCause, VersionGuard)}, if {@code condition} holds for the
     * key's current object (its ETag; empty when there is none), checked in the deleting transaction with the key
     * locked, so a write that replaced the object after the caller looked cannot be deleted in its place.
     */
    public Mono<Deletion> delete(String bucket, String key, String versionId, ChangeCause cause, VersionGuard guard,
                                 WriteCondition condition) {
        return delete(bucket, key, versionId, cause, Instant.MAX, guard, condition);
    }

    /**
     * Deletes the object if it was last modified at or before {@code cutoff} (lifecycle expiry), so a
     * write that replaced it since it was found expired survives; true if it was deleted (a delete
     * marker added in a versioned bucket). Its notifications say {@code s3:LifecycleExpiration:*}.
     */
    public Mono<Boolean> deleteIfModifiedBy(String bucket, String key, Instant cutoff) {
        return delete(bucket, key, null, ChangeCause.internal(S3EventNames.LIFECYCLE_EXPIRATION_DELETE), cutoff,
                VersionGuard.NONE, WriteCondition.NONE).map(Deletion::found);
    }

    private Mono<Deletion> delete(String bucket, String key, String versionId, ChangeCause cause, Instant cutoff,
                                  VersionGuard guard, WriteCondition condition) {
        Mono<Changed<Deletion>> work = refs.lockName(bucket, key)
                .then(objects.state(bucket, key).defaultIfEmpty(KeyState.NO_BUCKET))
                .flatMap(state -> {
                    Optional<CurrentObject> current = state.current();
                    if (state != KeyState.NO_BUCKET) {
                        // a bucket deleted since the caller's check deletes nothing, as an unconditional delete
                        condition.check(current.map(CurrentObject::etag));
                    }
                    if (versionId != null) {
                        return guarded(bucket, key, versionId, guard)
                                .then(Mono.defer(() -> deleteVersion(bucket, key, versionId, current, cause)));
                    }
                    if (current.map(c -> c.lastModified().isAfter(cutoff)).orElse(false)) {
                        return Mono.empty();
                    }
                    if (state.versioning() == Versioning.UNVERSIONED) {
                        return current.map(c -> deleteCurrent(bucket, key, c.blobSha256(), cause)).orElse(Mono.empty());
                    }
                    // expiry adds no marker where no object is current; a client's delete always does
                    return current.isEmpty() && cutoff != Instant.MAX ? Mono.empty()
                            : addDeleteMarker(bucket, key, state, cause);
                });
        return tx.transactional(work)
                .flatMap(changed -> refs.releasedAfterCommit(changed.orphans()).thenReturn(changed.result()))
                .defaultIfEmpty(versionId == null ? Deletion.NOTHING : new Deletion(false, versionId, false));
    }

    private Mono<Changed<Deletion>> deleteCurrent(String bucket, String key, String previous, ChangeCause cause) {
        return refs.lock(List.of(previous))
                .then(objects.deleteRow(bucket, key))
                .then(events.removed(bucket, key, cause))
                .then(refs.release(previous))
                .map(last -> new Changed<>(new Deletion(true, null, false), last ? List.of(previous) : List.of()));
    }

    private Mono<Changed<Deletion>> addDeleteMarker(String bucket, String key, KeyState state, ChangeCause cause) {
        Optional<CurrentObject> current = state.current();
        ChangeCause markerCause = cause.named(S3EventNames.deleteMarkerCreated(cause.eventName()));
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        if (state.versioning() == Versioning.ENABLED) {
            String id = VersionIds.next();
            return (current.isPresent() ? versions.demoteCurrent(bucket, key) : Mono.<Void>empty())
                    .then(versions.addDeleteMarker(bucket, key, id, cause.principal(), now))
                    .then(events.removed(bucket, key, id, markerCause))
                    .thenReturn(new Changed<>(new Deletion(true, id, true), List.of()));
        }
        // suspended: the marker is the null version, so the null version it replaces goes for good
        String previous = current.filter(c -> c.versionId() == null).map(CurrentObject::blobSha256).orElse(null);
        return noncurrentNullVersion(bucket, key).flatMap(nullVersion -> refs.lock(ObjectStore.nonNull(previous,
                        nullVersion.flatMap(ObjectVersions.Noncurrent::blobSha256).orElse(null)))
                .then(current.isEmpty() ? Mono.<Void>empty() : previous == null ? versions.demoteCurrent(bucket, key)
                        : objects.deleteRow(bucket, key).then())
                .then(dropNoncurrent(nullVersion))
                .flatMap(orphans -> (previous == null ? Mono.just(false) : refs.release(previous))
                        .map(last -> plus(orphans, last ? previous : null)))
                .flatMap(orphans -> versions.addDeleteMarker(bucket, key, VersionIds.NULL, cause.principal(), now)
                        .then(events.removed(bucket, key, VersionIds.NULL, markerCause))
                        .thenReturn(new Changed<>(new Deletion(true, VersionIds.NULL, true), orphans))));
    }

    private Mono<Changed<Deletion>> deleteVersion(String bucket, String key, String versionId,
                                                  Optional<CurrentObject> current, ChangeCause cause) {
        boolean isCurrent = current.map(c -> versionId.equals(c.versionId() == null ? VersionIds.NULL : c.versionId()))
                .orElse(false);
        if (isCurrent) {
            String sha = current.get().blobSha256();
            return refs.lock(List.of(sha))
                    .then(objects.deleteRow(bucket, key))
                    .then(refs.release(sha))
                    .flatMap(last -> versions.promoteNewest(bucket, key)
                            .then(events.removed(bucket, key, versionId, cause))
                            .thenReturn(new Changed<>(new Deletion(true, versionId, false), last ? List.of(sha) : List.of())));
        }
        return versions.noncurrent(bucket, key, versionId)
                .flatMap(version -> refs.lock(version.blobSha256().stream().toList())
                        .then(dropNoncurrent(Optional.of(version)))
                        .flatMap(orphans -> (current.isEmpty() ? versions.promoteNewest(bucket, key) : Mono.<Void>empty())
                                .then(events.removed(bucket, key, versionId, cause))
                                .thenReturn(new Changed<>(new Deletion(true, versionId, version.deleteMarker()), orphans))));
    }

    /** Runs the guard on the version (not on a delete marker); no guard, no extra query. */
    private Mono<Void> guarded(String bucket, String key, String versionId, VersionGuard guard) {
        if (guard == VersionGuard.NONE) {
            return Mono.empty();
        }
        return versions.find(bucket, key, versionId).filter(version -> !version.deleteMarker())
                .doOnNext(version -> guard.check(version.object().headers())).then();
    }

    private Mono<Optional<ObjectVersions.Noncurrent>> noncurrentNullVersion(String bucket, String key) {
        return versions.noncurrent(bucket, key, VersionIds.NULL).map(Optional::of).defaultIfEmpty(Optional.empty());
    }

    /** Removes a non-current version row and its blob reference; the blob if that was its last. */
    private Mono<List<String>> dropNoncurrent(Optional<ObjectVersions.Noncurrent> version) {
        if (version.isEmpty()) {
            return Mono.just(List.of());
        }
        Mono<Void> removed = versions.deleteRow(version.get().seq());
        return version.get().blobSha256()
                .map(sha -> removed.then(refs.release(sha)).map(last -> last ? List.of(sha) : List.<String>of()))
                .orElse(removed.thenReturn(List.of()));
    }

    private static List<String> plus(List<String> list, List<String> more) {
        if (more.isEmpty()) {
            return list;
        }
        List<String> both = new ArrayList<>(list);
        both.addAll(more);
        return both;
    }

    private static List<String> plus(List<String> list, String value) {
        if (value == null) {
            return list;
        }
        List<String> more = new ArrayList<>(list);
        more.add(value);
        return more;
    }
}
