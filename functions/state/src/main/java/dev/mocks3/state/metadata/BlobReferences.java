package dev.mocks3.state.metadata;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.TreeSet;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;

import dev.mocks3.state.blob.AheadPublishing;
import dev.mocks3.state.blob.BlobStaging;
import dev.mocks3.state.blob.BlobStore;
import dev.mocks3.state.blob.ComposedBlob;
import dev.mocks3.state.blob.MissingBlobException;
import dev.mocks3.state.blob.StagedBlob;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.util.retry.Retry;

/**
 * Reference counts of content-addressed blobs. Every change to a blob's count, and every file
 * operation that depends on it, happens under a PostgreSQL advisory lock on that hash, so a
 * blob is never deleted while another writer is publishing the same content.
 */
public final class BlobReferences {
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(BlobReferences.class);
    static final Duration SETTLE_RETRY_FIRST = Duration.ofSeconds(1);
    static final Duration SETTLE_RETRY_MAX = Duration.ofMinutes(1);
    /** Drops one reference to $n (a CTE list entry); the row goes with its last reference. */
    static String releaseCte(int param) {
        return "released as (delete from blobs where sha256 = $" + param + " and ref_count <= 1 returning sha256), "
                + "decremented as (update blobs set ref_count = ref_count - 1, updated_at = now() "
                + "where sha256 = $" + param + " and ref_count > 1)";
    }

    /** Adds one reference to $sha (a CTE list entry), creating the row with size $size. */
    static String retainCte(int sha, int size) {
        return "retained as (insert into blobs (sha256, size, ref_count) values ($" + sha + ", $" + size + ", 1) "
                + "on conflict (sha256) do update set ref_count = blobs.ref_count + 1, updated_at = now())";
    }

    /** Blobs checked per transaction after a composed blob went: a bounded number of advisory locks each. */
    private static final int PART_BATCH = 500;
    private final DatabaseClient db;
    private final TransactionalOperator tx;
    private final BlobStore blobs;
    /** The after-commit checks of plain blobs, many writers' in one transaction under load. */
    private final GroupedRuns unreferencedChecks;

    public BlobReferences(DatabaseClient db, TransactionalOperator tx, BlobStore blobs) {
        this.db = db;
        this.tx = tx;
        this.blobs = blobs;
        this.unreferencedChecks = new GroupedRuns(this::deleteUnreferenced, PART_BATCH);
    }

    /** Locks the hashes for the rest of the current transaction, in a fixed order, in one round trip. */
    public Mono<Void> lock(Collection<String> sha256s) {
        Long[] ids = new TreeSet<>(sha256s).stream().map(BlobReferences::lockId).sorted().toArray(Long[]::new);
        if (ids.length == 0) {
            return Mono.empty();
        }
        return db.sql("select pg_advisory_xact_lock(id) from unnest($1::bigint[]) as ids(id)").bind(0, ids).then();
    }

    /**
     * Locks a name (an object key, a part) for the rest of the current transaction, so writers of
     * the same name see each other's rows even when there was none yet. Two-int locks: a space
     * apart from the hashes' one-bigint locks.
     */
    Mono<Void> lockName(String... parts) {
        NameLock lock = NameLock.of(parts);
        return db.sql("select pg_advisory_xact_lock($1, $2)").bind(0, lock.high()).bind(1, lock.low()).then();
    }

    /** The two ints of a name's advisory lock: the first eight bytes of the SHA-256 of its parts. */
    record NameLock(int high, int low) {
        static NameLock of(String... parts) {
            byte[] hash = sha256(String.join("\u0000", parts));
            return new NameLock(((hash[0] & 0xff) << 24) | ((hash[1] & 0xff) << 16) | ((hash[2] & 0xff) << 8) | (hash[3] & 0xff),
                    ((hash[4] & 0xff) << 24) | ((hash[5] & 0xff) << 16) | ((hash[6] & 0xff) << 8) | (hash[7] & 0xff));
        }
    }

    public Mono<Void> retain(String sha256, long size) {
        return db.sql("with " + retainCte(1, 2) + " select 1").bind(0, sha256).bind(1, size).then();
    }

    /** Drops one reference; true when it was the last one (the row is gone, the file may go). */
    public Mono<Boolean> release(String sha256) {
        return db.sql("with " + releaseCte(1) + " select count(*) from released").bind(0, sha256)
                .map(row -> row.get(0, Long.class)).one().map(gone -> gone > 0);
    }

    /**
     * Makes {@code blob} hold one reference to each of its parts, unless it holds them already (an
     * equal part list completed before). Runs in the caller's transaction; the parts are referenced
     * (by the upload being completed), so their rows exist.
     */
    public Mono<Void> registerParts(ComposedBlob blob) {
        List<ComposedBlob.Part> parts = blob.parts();
        Integer[] numbers = new Integer[parts.size()];
        String[] shas = new String[parts.size()];
        Long[] sizes = new Long[parts.size()];
        for (int i = 0; i < parts.size(); i++) {
            numbers[i] = i + 1;
            shas[i] = parts.get(i).sha256();
            sizes[i] = parts.get(i).size();
        }
        return db.sql("with added as (insert into blob_parts (composed, part_number, part_sha256, size) "
                        + "select $1, p.n, p.sha, p.size from unnest($2::int[], $3::text[], $4::bigint[]) as p(n, sha, size) "
                        + "on conflict (composed, part_number) do nothing returning part_sha256), "
                        + "counted as (select part_sha256, count(*) as c from added group by part_sha256) "
                        + "update blobs b set ref_count = b.ref_count + counted.c, updated_at = now() "
                        + "from counted where b.sha256 = counted.part_sha256")
                .bind(0, blob.id()).bind(1, numbers).bind(2, shas).bind(3, sizes).then();
    }

    /**
     * After a commit that dropped a last reference: delete the file unless the hash came back, under
     * the hash's lock (one statement, V11's lock_unreferenced_blob) until the commit. A composed
     * blob's parts lost their references with it (in that commit), so their files go too.
     */
    public Mono<Void> deleteIfUnreferenced(String sha256) {
        Mono<List<String>> work = db.sql("select lock_unreferenced_blob($1)").bind(0, sha256)
                .map(row -> row.get(0, Boolean.class)).one()
                .flatMap(unreferenced -> unreferenced
                        ? partsToCheck(sha256).flatMap(parts -> blobs.delete(sha256).thenReturn(parts))
                        : Mono.just(List.<String>of()));
        return tx.transactional(work).flatMapMany(Flux::fromIterable).buffer(PART_BATCH)
                .concatMap(this::deleteUnreferenced).then();
    }

    /**
     * After the commit of a row naming a blob published ahead (or after a process died, or a write failed,
     * with it unsettled): the staged file goes; when the blob's file is missing, the staged bytes are first
     * put back, under the hash's lock, if a row still names the hash (see {@link AheadPublishing}). A blob
     * in place costs no database work. A failure keeps the staged file.
     */
    public Mono<Void> settle(AheadPublishing ahead, StagedBlob staged) {
        return blockingAnswer(() -> ahead.dropIfInPlace(staged))
                .flatMap(inPlace -> inPlace ? Mono.<Void>empty() : putBackIfReferenced(ahead, staged)
                        .then(blocking(() -> BlobStaging.deleteQuietly(staged.file()))));
    }

    /**
     * {@link #settle} after a committed write, which has happened whatever settling does: a failure (the
     * database or the disk away for a moment) does not fail the write's answer. The staged file is kept and
     * settling is tried again in the background, every {@link #SETTLE_RETRY_FIRST} doubling up to
     * {@link #SETTLE_RETRY_MAX}, until it succeeds; should this process die first, the storage sweep settles
     * the file as it does every dead process's.
     */
    public Mono<Void> settleAfterCommit(AheadPublishing ahead, StagedBlob staged) {
        return settle(ahead, staged).onErrorResume(e -> {
            log.warn("blob {} of a committed write could not be settled now ({}); trying again in the background",
                    staged.sha256(), e.toString());
            settle(ahead, staged)
                    .retryWhen(Retry.backoff(Long.MAX_VALUE, SETTLE_RETRY_FIRST).maxBackoff(SETTLE_RETRY_MAX))
                    .subscribe(null, never -> { }, () -> log.info("blob {} settled after its write", staged.sha256()));
            return Mono.empty();
        });
    }

    private Mono<Void> putBackIfReferenced(AheadPublishing ahead, StagedBlob staged) {
        Mono<Void> work = db.sql("select lock_unreferenced_blob($1)").bind(0, staged.sha256())
                .map(row -> row.get(0, Boolean.class)).one()
                .flatMap(unreferenced -> unreferenced ? Mono.<Void>empty() : blocking(() -> ahead.putBack(staged)));
        return tx.transactional(work);
    }

    /** A short file operation: where it is, on a staging thread; never on an event loop. */
    static Mono<Void> blocking(Runnable work) {
        return blockingAnswer(() -> {
            work.run();
            return null;
        });
    }

    /** As {@link #blocking(Runnable)}, with the operation's answer (none for null). */
    private static <T> Mono<T> blockingAnswer(java.util.concurrent.Callable<T> work) {
        return Mono.defer(() -> BlobStaging.onStagingThread() ? Mono.fromCallable(work)
                : Mono.fromCallable(work).subscribeOn(Schedulers.boundedElastic()));
    }

    /** A composed blob's distinct parts, read from its manifest before it goes; none for a plain blob. */
    private Mono<List<String>> partsToCheck(String sha256) {
        if (!ComposedBlob.isComposed(sha256)) {
            return Mono.just(List.of());
        }
        return blobs.partsOf(sha256)
                .map(parts -> parts.stream().map(ComposedBlob.Part::sha256).distinct().toList())
                // the manifest is gone already: the storage sweep deletes the parts' files
                .onErrorResume(MissingBlobException.class, e -> Mono.just(List.of()));
    }

    /**
     * Deletes the files of those blobs that no row references, under their locks, in one transaction:
     * BEGIN, V15's lock_unreferenced_blobs, the files, COMMIT.
     */
    private Mono<Void> deleteUnreferenced(List<String> sha256s) {
        Mono<Void> work = db.sql("select lock_unreferenced_blobs($1::text[])").bind(0, sha256s.toArray(String[]::new))
                .map(row -> row.get(0, String.class)).all()
                // the files in one task: every writer of the group waits for this commit
                .collectList().flatMap(blobs::deleteAll);
        return tx.transactional(work);
    }

    /**
     * The clean-up after a committed write: the write has happened, so a failure here (the database
     * went away after the commit) must not turn the answer into an error; the storage sweep deletes
     * the file later. Plain blobs are checked together with other writers' (one transaction for all
     * that arrived while the previous check ran), a composed blob on its own (its parts follow it).
     */
    public Mono<Void> releasedAfterCommit(Collection<String> sha256s) {
        // all at once, so that the plain blobs of one write go into the same grouped check
        return Flux.fromIterable(sha256s).flatMap(sha -> (ComposedBlob.isComposed(sha) ? deleteIfUnreferenced(sha)
                : unreferencedChecks.submit(sha)).onErrorResume(e -> {
            log.warn("blob {} lost its last reference but could not be deleted now ({}); the storage sweep will",
                    sha, e.toString());
            return Mono.empty();
        })).then();
    }

    static long lockId(String sha256) {
        return HexFormat.fromHexDigitsToLong(sha256, 0, 16);
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
