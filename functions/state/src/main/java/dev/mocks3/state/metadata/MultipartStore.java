package dev.mocks3.state.metadata;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;

import dev.mocks3.state.blob.BlobStaging;
import dev.mocks3.core.error.S3Error;
import dev.mocks3.state.blob.BlobStore;
import dev.mocks3.state.blob.ComposedBlob;
import dev.mocks3.state.blob.StagedBlob;
import io.r2dbc.spi.Readable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Multipart uploads and their parts; each part is a referenced blob until completion or abort. */
public final class MultipartStore {
    /** How long a completed upload is remembered for a retried CompleteMultipartUpload. */
    public static final String COMPLETED_MEMORY = "1 day";
    private final DatabaseClient db;
    private final TransactionalOperator tx;
    private final BlobReferences refs;
    private final BlobStore blobs;
    private final BlobStaging staging;

    public MultipartStore(DatabaseClient db, TransactionalOperator tx, BlobReferences refs, BlobStore blobs,
                          BlobStaging staging) {
        this.db = db;
        this.tx = tx;
        this.refs = refs;
        this.blobs = blobs;
        this.staging = staging;
    }

    public Mono<MultipartUpload> create(ObjectDraft draft) {
        String uploadId = UUID.randomUUID().toString().replace("-", "") + UUID.randomUUID().toString().replace("-", "");
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        return db.sql("insert into multipart_uploads (upload_id, bucket, key, initiated, content_type, headers, "
                        + "user_metadata, storage_class, owner, tags) values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)")
                .bind(0, uploadId).bind(1, draft.bucket()).bind(2, draft.key()).bind(3, now.atOffset(ZoneOffset.UTC))
                .bind(4, draft.contentType() == null ? "application/octet-stream" : draft.contentType())
                .bind(5, JsonColumns.write(draft.headers())).bind(6, JsonColumns.write(draft.userMetadata()))
                .bind(7, draft.storageClass()).bind(8, draft.owner() == null ? "" : draft.owner())
                .bind(9, JsonColumns.write(draft.tags()))
                .then().thenReturn(new MultipartUpload(uploadId, now, draft));
    }

    public Mono<MultipartUpload> find(String bucket, String key, String uploadId) {
        return db.sql("select * from multipart_uploads where upload_id = $1 and bucket = $2 and key = $3")
                .bind(0, uploadId).bind(1, bucket).bind(2, key).map(MultipartStore::toUpload).one();
    }

    /** Open uploads of a bucket, by key then initiation time, after the given markers. */
    public Flux<MultipartUpload> list(String bucket, String prefix, String keyMarker, int limit) {
        return db.sql("select * from multipart_uploads where bucket = $1 and starts_with(key, $2) and key > $3 "
                        + "order by key, initiated limit $4")
                .bind(0, bucket).bind(1, prefix).bind(2, keyMarker).bind(3, limit)
                .map(MultipartStore::toUpload).all();
    }

    /**
     * Up to {@code limit} open uploads of keys starting with {@code prefix}, initiated at or before
     * {@code cutoff}, by upload id after {@code afterUploadId}.
     */
    public Flux<MultipartUpload> initiatedBy(String bucket, String prefix, Instant cutoff, String afterUploadId, int limit) {
        return db.sql("select * from multipart_uploads where bucket = $1 and starts_with(key, $2) and initiated <= $3 "
                        + "and upload_id > $4 order by upload_id limit $5")
                .bind(0, bucket).bind(1, prefix).bind(2, cutoff.atOffset(ZoneOffset.UTC)).bind(3, afterUploadId)
                .bind(4, limit).map(MultipartStore::toUpload).all();
    }

    public Flux<UploadedPart> parts(String uploadId, int afterPart, int limit) {
        return db.sql("select * from multipart_parts where upload_id = $1 and part_number > $2 order by part_number limit $3")
                .bind(0, uploadId).bind(1, afterPart).bind(2, limit).map(MultipartStore::toPart).all();
    }

    /** Stores a received part, replacing an earlier part with the same number. */
    public Mono<UploadedPart> putPart(String uploadId, int partNumber, StagedBlob staged) {
        return putPart(uploadId, partNumber, staged, Map.of());
    }

    /** As {@link #putPart(String, int, StagedBlob)}, with checksums besides the CRC32 every part keeps. */
    public Mono<UploadedPart> putPart(String uploadId, int partNumber, StagedBlob staged, Map<String, String> checksums) {
        Map<String, String> all = new TreeMap<>(checksums);
        all.put("CRC32", staged.crc32());
        UploadedPart part = new UploadedPart(partNumber, staged.sha256(), staged.size(), staged.md5Hex(), staged.md5Hex(),
                Instant.now().truncatedTo(ChronoUnit.MILLIS), all);
        return putPartRow(uploadId, part, blobs.publish(staged))
                .onErrorResume(e -> staging.discard(staged).then(Mono.error(e)))
                // a request cancelled mid-commit (its client left) must not leave its temporary file
                .doOnCancel(() -> staging.discard(staged).subscribe());
    }

    /** Registers an existing blob (or a range copy staged from it) as a part. */
    public Mono<UploadedPart> putPart(String uploadId, UploadedPart part, Mono<Void> publish) {
        return putPartRow(uploadId, part, publish);
    }

    private Mono<UploadedPart> putPartRow(String uploadId, UploadedPart part, Mono<Void> publish) {
        // the upload's row first, as Complete and Abort lock it (theirs exclusive), so a part racing them
        // waits or finds the upload gone (NoSuchUpload) instead of failing the part's foreign key or
        // deadlocking on a blob row; then the part's name, for the reason ObjectWriter locks an object's key
        Mono<Optional<String>> work = shareUpload(uploadId)
                .then(refs.lockName(uploadId, Integer.toString(part.partNumber())))
                .then(db.sql("select blob_sha256 from multipart_parts where upload_id = $1 and part_number = $2")
                .bind(0, uploadId).bind(1, part.partNumber()).map(row -> row.get(0, String.class)).one())
                .map(Optional::of).defaultIfEmpty(Optional.empty())
                .flatMap(previous -> refs.lock(ObjectStore.nonNull(part.blobSha256(), previous.orElse(null)))
                        .then(publish)
                        .then(refs.retain(part.blobSha256(), part.size()))
                        .then(db.sql("insert into multipart_parts (upload_id, part_number, blob_sha256, size, etag, md5_hex, "
                                        + "last_modified, checksums) values ($1, $2, $3, $4, $5, $6, $7, $8) "
                                        + "on conflict (upload_id, part_number) do update set "
                                        + "blob_sha256 = excluded.blob_sha256, size = excluded.size, etag = excluded.etag, "
                                        + "md5_hex = excluded.md5_hex, last_modified = excluded.last_modified, "
                                        + "checksums = excluded.checksums")
                                .bind(0, uploadId).bind(1, part.partNumber()).bind(2, part.blobSha256()).bind(3, part.size())
                                .bind(4, part.etag()).bind(5, part.md5Hex()).bind(6, part.lastModified().atOffset(ZoneOffset.UTC))
                                .bind(7, JsonColumns.write(part.checksums()))
                                .then())
                        .then(previous.map(this::release).orElse(Mono.just(Optional.empty()))));
        return tx.transactional(work)
                .flatMap(orphan -> refs.releasedAfterCommit(orphan.stream().toList()).thenReturn(part));
    }

    /** Removes the upload and releases its parts' blobs. False if no such upload. */
    public Mono<Boolean> remove(String uploadId) {
        return releaseOrphans(removal(uploadId));
    }

    /**
     * The first step of completing an upload, in the caller's transaction (the one that writes the
     * object) before anything else: the upload's row is locked, so no part can change and no abort or
     * other completion can run until the commit; the upload must still be there (else
     * {@link UploadGoneException}) and the parts chosen must still be the stored ones (else InvalidPart).
     * Nothing is published before these checks, so a refused completion changes nothing.
     */
    public Mono<Void> claim(MultipartUpload upload, List<UploadedPart> chosen) {
        String uploadId = upload.uploadId();
        Integer[] numbers = chosen.stream().map(UploadedPart::partNumber).toArray(Integer[]::new);
        String[] shas = chosen.stream().map(UploadedPart::blobSha256).toArray(String[]::new);
        // with the upload's row locked no part can change (an UploadPart takes a key-share lock on it
        // first): counting the chosen parts still stored as they were read is enough
        return lockUpload(uploadId)
                .then(db.sql("select count(*) from multipart_parts m join unnest($2::int[], $3::text[]) as c(n, sha) "
                                + "on m.part_number = c.n and m.blob_sha256 = c.sha where m.upload_id = $1")
                        .bind(0, uploadId).bind(1, numbers).bind(2, shas).map(row -> row.get(0, Long.class)).one())
                .flatMap(unchanged -> unchanged == chosen.size() ? Mono.<Void>empty()
                        // a part was replaced since the request read it
                        : Mono.error(S3Error.INVALID_PART.exception()));
    }

    /**
     * The rest of completing it, in the same transaction after {@link #claim} and under the composed
     * blob's lock: the manifest is published, {@code blob} takes over the parts' references, the upload
     * goes and is remembered for {@link #COMPLETED_MEMORY} with the ETag of the object it made. Answers
     * the blobs whose last reference went (uploaded parts left out of the list).
     */
    public Mono<List<String>> complete(MultipartUpload upload, ComposedBlob blob, String etag) {
        String uploadId = upload.uploadId();
        return publishManifest(blob)
                .then(refs.registerParts(blob))
                .then(releaseParts(uploadId))
                .flatMap(orphans -> db.sql("delete from multipart_uploads where upload_id = $1").bind(0, uploadId).then()
                        .then(db.sql("insert into completed_multipart_uploads (upload_id, bucket, key, etag) "
                                        + "values ($1, $2, $3, $4) on conflict (upload_id) do nothing")
                                .bind(0, uploadId).bind(1, upload.draft().bucket()).bind(2, upload.draft().key()).bind(3, etag)
                                .then())
                        .then(db.sql("delete from completed_multipart_uploads where completed_at < now() - $1::interval")
                                .bind(0, COMPLETED_MEMORY).then())
                        .thenReturn(orphans));
    }

    /** Stores the composed blob's manifest under its id (idempotent: equal part lists have one). */
    private Mono<Void> publishManifest(ComposedBlob blob) {
        return staging.stage(Flux.just(DefaultDataBufferFactory.sharedInstance.wrap(blob.manifest())))
                .flatMap(staged -> blobs.publish(staged.named(blob.id()))
                        .onErrorResume(e -> staging.discard(staged).then(Mono.error(e))));
    }

    /** The upload was aborted or completed by another request meanwhile. */
    public static final class UploadGoneException extends RuntimeException {
        UploadGoneException(String uploadId) {
            super("no upload " + uploadId, null, false, false);
        }
    }

    /** Locks the upload's row against a concurrent abort or completion, in the same order both take it. */
    private Mono<Void> lockUpload(String uploadId) {
        return db.sql("select 1 from multipart_uploads where upload_id = $1 for update").bind(0, uploadId)
                .map(row -> 1).first()
                .switchIfEmpty(Mono.error(() -> new UploadGoneException(uploadId))).then();
    }

    /** Locks the upload's row against an abort or completion until the commit; an UploadPart's first step. */
    private Mono<Void> shareUpload(String uploadId) {
        return db.sql("select 1 from multipart_uploads where upload_id = $1 for key share").bind(0, uploadId)
                .map(row -> 1).first()
                .switchIfEmpty(Mono.error(() -> new UploadGoneException(uploadId))).then();
    }

    /** The ETag of the object an upload of this bucket and key made, if it completed within {@link #COMPLETED_MEMORY}. */
    public Mono<String> completedEtag(String bucket, String key, String uploadId) {
        return db.sql("select etag from completed_multipart_uploads where upload_id = $1 and bucket = $2 and key = $3 "
                        + "and completed_at >= now() - $4::interval")
                .bind(0, uploadId).bind(1, bucket).bind(2, key).bind(3, COMPLETED_MEMORY)
                .map(row -> row.get("etag", String.class)).one();
    }

    private Mono<Boolean> releaseOrphans(Mono<List<String>> work) {
        return tx.transactional(work)
                .flatMap(orphans -> refs.releasedAfterCommit(orphans).thenReturn(true))
                .defaultIfEmpty(false);
    }

    /** Deletes the upload's rows; the blobs no longer referenced, or empty if there was no such upload. */
    private Mono<List<String>> removal(String uploadId) {
        return lockUpload(uploadId)
                .then(releaseParts(uploadId))
                .flatMap(orphans -> db.sql("delete from multipart_uploads where upload_id = $1").bind(0, uploadId)
                        .then().thenReturn(orphans))
                .onErrorResume(UploadGoneException.class, e -> Mono.empty());
    }

    /**
     * Deletes the upload's part rows and drops their references in one statement, however many parts
     * (a 10,000-part upload is one round trip; V15 release_blob_references, which the composed blobs' trigger
     * uses too). No advisory locks: a count only falls here, and the
     * file of a blob whose count reached zero is deleted after the commit under its lock, once it is
     * seen unreferenced, so a concurrent upload of the same content is never lost.
     */
    private Mono<List<String>> releaseParts(String uploadId) {
        return db.sql("with gone as (delete from multipart_parts where upload_id = $1 returning blob_sha256) "
                        + "select sha256 from release_blob_references(array(select blob_sha256 from gone)) as sha256")
                .bind(0, uploadId).map(row -> row.get(0, String.class)).all().collectList();
    }

    private Mono<Optional<String>> release(String sha256) {
        return refs.release(sha256).map(last -> last ? Optional.of(sha256) : Optional.empty());
    }

    private static MultipartUpload toUpload(Readable row) {
        OffsetDateTime initiated = row.get("initiated", OffsetDateTime.class);
        ObjectDraft draft = new ObjectDraft(row.get("bucket", String.class), row.get("key", String.class),
                row.get("content_type", String.class), JsonColumns.read(row.get("headers")),
                JsonColumns.read(row.get("user_metadata")), row.get("storage_class", String.class),
                row.get("owner", String.class), JsonColumns.read(row.get("tags")));
        return new MultipartUpload(row.get("upload_id", String.class), initiated.toInstant(), draft);
    }

    private static UploadedPart toPart(Readable row) {
        return new UploadedPart(row.get("part_number", Integer.class), row.get("blob_sha256", String.class),
                row.get("size", Long.class), row.get("etag", String.class), row.get("md5_hex", String.class),
                row.get("last_modified", OffsetDateTime.class).toInstant(), JsonColumns.read(row.get("checksums")));
    }

}
