package dev.mocks3.state.metadata;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;

import dev.mocks3.state.PeriodicWork;
import dev.mocks3.state.blob.BlobStaging;
import dev.mocks3.state.blob.BlobStore;
import dev.mocks3.state.blob.StagedBlob;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * At start and then periodically: removes the temporary folders of dead processes, sets every
 * blob's reference count to the number of objects, object versions, upload parts and composed blobs naming it
 * (a composed blob's parts are referenced by it), and deletes blob files
 * no row refers to (a crash between publishing and committing). Every blob is handled under its
 * advisory lock, so a sweep and a concurrent upload of the same content never harm each other.
 */
public final class StorageSweep extends PeriodicWork {
    private static final Logger log = LoggerFactory.getLogger(StorageSweep.class);
    private static final int BATCH = 500;
    private static final String MISCOUNTED = "select coalesce(b.sha256, r.blob_sha256) from blobs b full join "
            + "(select blob_sha256, count(*) n from (select blob_sha256 from objects union all "
            + "select blob_sha256 from object_versions where blob_sha256 is not null union all "
            + "select blob_sha256 from multipart_parts union all "
            + "select part_sha256 from blob_parts) named group by blob_sha256) r on r.blob_sha256 = b.sha256 "
            + "where coalesce(r.n, 0) <> coalesce(b.ref_count, 0)";
    private static final String RECOUNT = "with n as (select (select count(*) from objects where blob_sha256 = $1) "
            + "+ (select count(*) from object_versions where blob_sha256 = $1) "
            + "+ (select count(*) from multipart_parts where blob_sha256 = $1) "
            + "+ (select count(*) from blob_parts where part_sha256 = $1) as refs, "
            + "(select size from objects where blob_sha256 = $1 union all "
            + "select size from object_versions where blob_sha256 = $1 union all "
            + "select size from multipart_parts where blob_sha256 = $1 union all "
            + "select size from blob_parts where part_sha256 = $1 limit 1) as size), "
            + "counted as (insert into blobs (sha256, size, ref_count) select $1, size, refs from n where refs > 0 "
            + "on conflict (sha256) do update set ref_count = excluded.ref_count, updated_at = now()), "
            + "dropped as (delete from blobs where sha256 = $1 and (select refs from n) = 0 returning sha256) "
            + "select count(*) from dropped";

    /** What one sweep removed or repaired. */
    public record Result(int tempFolders, int recounted, int blobFiles) {
    }

    private final DatabaseClient db;
    private final TransactionalOperator tx;
    private final BlobReferences refs;
    private final BlobStore blobs;
    private final BlobStaging staging;
    private final Duration grace;

    public StorageSweep(DatabaseClient db, TransactionalOperator tx, BlobReferences refs, BlobStore blobs,
                        BlobStaging staging, Duration interval, Duration grace) {
        super("storage sweep", Duration.ZERO, interval);
        this.db = db;
        this.tx = tx;
        this.refs = refs;
        this.blobs = blobs;
        this.staging = staging;
        this.grace = grace;
    }

    @Override
    protected Mono<Result> runOnce() {
        return sweep();
    }

    public Mono<Result> sweep() {
        // a blob published ahead of its row by a process that died before settling it: its row may have
        // committed after an unreferenced check took the file, so it is settled as the process would have
        // (put back only while a row names it); a failure keeps the folder for the next sweep
        Mono<Integer> temp = Mono.fromCallable(() -> staging.sweepDeadProcesses(grace, (sha256, file) ->
                        blobs.settling().ifPresent(ahead ->
                                refs.settle(ahead, new StagedBlob(file, sha256, "", "", 0)).block())))
                .subscribeOn(Schedulers.boundedElastic());
        return temp.flatMap(folders -> recountAll().flatMap(recounted -> deleteUnreferencedFiles()
                        .map(files -> new Result(folders, recounted, files))))
                .doOnNext(result -> {
                    if (result.tempFolders() + result.recounted() + result.blobFiles() > 0) {
                        log.info("storage sweep: removed {} dead upload folder(s), recounted {} blob(s), "
                                + "deleted {} unreferenced blob file(s)", result.tempFolders(), result.recounted(),
                                result.blobFiles());
                    }
                });
    }

    private Mono<Integer> recountAll() {
        return db.sql(MISCOUNTED).map(row -> row.get(0, String.class)).all()
                .concatMap(sha -> tx.transactional(refs.lock(List.of(sha))
                                .then(db.sql(RECOUNT).bind(0, sha).map(row -> row.get(0, Long.class)).one()))
                        .flatMap(dropped -> dropped > 0 ? refs.deleteIfUnreferenced(sha) : Mono.empty())
                        .thenReturn(1))
                .count().map(Long::intValue);
    }

    private Mono<Integer> deleteUnreferencedFiles() {
        return blobs.listOlderThan(Instant.now().minus(grace)).buffer(BATCH)
                .concatMap(batch -> db.sql("select sha256 from blobs where sha256 = any($1::text[])")
                        .bind(0, batch.toArray(String[]::new)).map(row -> row.get(0, String.class)).all()
                        .collect(HashSet<String>::new, Set::add)
                        .flatMapMany(known -> Flux.fromIterable(batch).filter(sha -> !known.contains(sha))))
                .concatMap(sha -> refs.deleteIfUnreferenced(sha).thenReturn(1))
                .count().map(Long::intValue);
    }
}
