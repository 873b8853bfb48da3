package dev.mocks3.drive.upload;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;

import dev.mocks3.drive.content.ContentStore;
import dev.mocks3.drive.content.QuotaLedger;
import dev.mocks3.drive.files.Entry;
import dev.mocks3.drive.files.EntryStore;
import dev.mocks3.drive.http.DriveCall;
import dev.mocks3.drive.http.DriveError;
import dev.mocks3.drive.http.DriveException;
import dev.mocks3.drive.http.DriveFunction;
import dev.mocks3.drive.http.DriveReply;
import dev.mocks3.drive.storage.DriveBucket;
import dev.mocks3.drive.storage.PartPlan;
import dev.mocks3.drive.search.SearchIndexing;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import software.amazon.awssdk.services.s3.model.Part;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * POST /file/v1/upload/callback {uploadId} — the client says its bytes are in S3. A multipart
 * upload is completed; the object's size and SHA-256 are checked against the declaration (a
 * single PUT's checksum was already enforced by S3; a multipart object is hashed as it streams
 * past); only then the content is recorded, the quota charged and the file created. Bytes that do
 * not match are deleted and the upload forgotten; a callback refused for quota or name can be retried.
 * A multipart upload is completed and verified in the background: when that takes longer than
 * {@code callback-wait} the callback answers 300013 (HTTP 202) and the client calls back again
 * until it gets the file or the error ({@link UploadVerifications}).
 */
@Component("driveUploadCallback")
public class UploadCallback extends DriveFunction {
    private static final Logger log = LoggerFactory.getLogger(UploadCallback.class);
    private final UploadStore uploads;
    private final UploadPlanner planner;
    private final EntryStore entries;
    private final ContentStore contents;
    private final QuotaLedger quotas;
    private final DriveBucket bucket;
    private final TransactionalOperator tx;
    private final SearchIndexing indexing;
    private final UploadVerifications verifications;
    private final java.time.Duration wait;

    public UploadCallback(UploadStore uploads, UploadPlanner planner, EntryStore entries, ContentStore contents,
                          QuotaLedger quotas, DriveBucket bucket, TransactionalOperator tx, SearchIndexing indexing,
                          UploadVerifications verifications, dev.mocks3.drive.DriveProperties p) {
        this.uploads = uploads;
        this.planner = planner;
        this.entries = entries;
        this.contents = contents;
        this.quotas = quotas;
        this.bucket = bucket;
        this.tx = tx;
        this.indexing = indexing;
        this.verifications = verifications;
        this.wait = p.callbackWait();
    }

    @Override
    protected Mono<DriveReply> handle(DriveCall call) {
        long user = call.user();
        String id = call.input().text("uploadId").strip();
        return answered(user, id)
                .switchIfEmpty(Mono.defer(() -> uploads.of(user, id)
                        .flatMap(upload -> upload.multipart() ? inBackground(user, upload) : completed(user, upload))))
                // the job recorded the file (the upload row is gone) but has not kept its outcome yet
                .onErrorResume(e -> e instanceof DriveException known && known.error() == DriveError.UPLOAD_NOT_FOUND,
                        e -> answered(user, id).switchIfEmpty(verifications.underway(user, id)
                                .flatMap(underway -> Mono.error(underway ? DriveError.UPLOAD_VERIFYING.exception() : e))))
                .map(DriveReply::data);
    }

    /** The file or the error a finished verification of the user's upload left for this callback. */
    private Mono<Entry> answered(long user, String id) {
        return verifications.take(user, id)
                .flatMap(outcome -> outcome.fileId() != null ? entries.live(user, outcome.fileId())
                        : Mono.<Entry>error(outcome.error().exception(outcome.message())));
    }

    private Mono<Entry> completed(long user, Upload upload) {
        return assemble(upload).then(verify(upload)).then(record(user, upload));
    }

    /**
     * Completes and verifies under a lease, in a job that runs to its end whatever the caller does;
     * the caller waits for it up to {@code callback-wait}, then is told to call back (300013).
     */
    private Mono<Entry> inBackground(long user, Upload upload) {
        return verifications.claim(user, upload.id()).flatMap(claimed -> {
            if (!claimed) {
                return Mono.error(DriveError.UPLOAD_VERIFYING.exception());
            }
            long started = System.nanoTime();
            Mono<Entry> job = completed(user, upload)
                    .doOnSuccess(entry -> log.info("upload {} of {} bytes completed, verified and recorded in {} ms", upload.id(),
                            upload.size(), (System.nanoTime() - started) / 1_000_000))
                    // the outcome is kept and the lease let go before anyone hears of it, so the next callback finds both
                    .flatMap(entry -> verifications.finished(user, upload.id(), entry.id())
                            .then(verifications.release(upload.id())).thenReturn(entry))
                    .onErrorResume(e -> verifications.failed(user, upload.id(), asKnown(e))
                            .then(verifications.release(upload.id())).onErrorResume(x -> Mono.empty()).then(Mono.error(e)))
                    .cache();
            Flux.interval(UploadVerifications.LEASE.dividedBy(3))
                    .concatMap(tick -> verifications.renew(upload.id()).onErrorResume(e -> Mono.empty()))
                    .takeUntilOther(job.onErrorResume(e -> Mono.empty()))
                    .subscribe(done -> { }, e -> { });
            job.subscribe(done -> { }, e -> { });
            // answered here: the next callback must not take it again
            return job.timeout(wait, Mono.error(DriveError.UPLOAD_VERIFYING::exception))
                    .onErrorResume(e -> e instanceof DriveException known && known.error() == DriveError.UPLOAD_VERIFYING
                            ? Mono.error(e) : verifications.forget(upload.id()).onErrorResume(x -> Mono.empty()).then(Mono.error(e)));
        });
    }

    /** What the client is told of a failure it learns at a later callback (the router's mapping, without the stack). */
    private static DriveException asKnown(Throwable e) {
        if (e instanceof DriveException known) {
            return known;
        }
        Throwable cause = e instanceof java.util.concurrent.CompletionException && e.getCause() != null ? e.getCause() : e;
        if (cause instanceof software.amazon.awssdk.core.exception.SdkException) {
            log.warn("multipart verification: storage call failed: {}", cause.toString());
            return DriveError.STORAGE_UNAVAILABLE.exception();
        }
        log.error("multipart verification failed", e);
        return DriveError.INTERNAL.exception();
    }

    /** Completes a multipart upload once every part is there with its planned size. */
    private Mono<Void> assemble(Upload upload) {
        if (!upload.multipart()) {
            return Mono.empty();
        }
        PartPlan plan = new PartPlan(upload.size(), upload.partSize(), upload.partCount());
        return planner.parts(upload).collectList()
                .flatMap(parts -> {
                    List<Integer> missing = new java.util.ArrayList<>();
                    java.util.Map<Integer, Part> byNumber = new java.util.HashMap<>();
                    parts.forEach(part -> byNumber.put(part.partNumber(), part));
                    for (int n = 1; n <= upload.partCount(); n++) {
                        Part part = byNumber.get(n);
                        if (part == null || part.size() != plan.lengthOf(n)) {
                            missing.add(n);
                        }
                    }
                    if (!missing.isEmpty() || byNumber.size() != upload.partCount()) {
                        return Mono.error(DriveError.UPLOAD_INCOMPLETE.exception("parts missing or of the wrong size: " + missing));
                    }
                    return bucket.completeMultipart(upload.s3Key(), upload.multipartId(),
                            parts.stream().sorted(java.util.Comparator.comparingInt(Part::partNumber)).toList());
                })
                // completed by an earlier callback whose transaction then failed: the object is there
                .onErrorResume(S3Exception.class, e -> e.statusCode() == 404 ? Mono.empty() : Mono.error(e));
    }

    /** Size and SHA-256 as declared, or the bytes go and the upload is forgotten (300010). */
    private Mono<Void> verify(Upload upload) {
        return bucket.head(upload.s3Key())
                .switchIfEmpty(Mono.error(() -> DriveError.UPLOAD_INCOMPLETE.exception("no bytes received")))
                .flatMap(head -> {
                    if (head.contentLength() != upload.size()) {
                        return Mono.error(DriveError.UPLOAD_MISMATCH.exception("size is " + head.contentLength()
                                + ", declared " + upload.size()));
                    }
                    String stored = head.checksumSHA256();
                    if (!upload.multipart() && stored != null && !stored.contains("-")) {
                        return stored.equals(UploadPlanner.base64(upload.sha256())) ? Mono.empty()
                                : Mono.error(DriveError.UPLOAD_MISMATCH.exception("SHA-256 differs from the declared one"));
                    }
                    return bucket.sha256(upload.s3Key()).flatMap(actual -> actual.equals(upload.sha256()) ? Mono.<Void>empty()
                            : Mono.error(DriveError.UPLOAD_MISMATCH.exception("SHA-256 differs from the declared one")));
                })
                .onErrorResume(DriveException.class, e -> e.error() != DriveError.UPLOAD_MISMATCH ? Mono.error(e)
                        : uploads.claim(upload.userId(), upload.id())
                                .then(bucket.delete(upload.s3Key()).onErrorResume(gone -> Mono.empty()))
                                .then(Mono.error(e)));
    }

    /** One transaction: the upload is claimed, the content recorded, the quota charged, the file created. */
    private Mono<Entry> record(long user, Upload upload) {
        Mono<Recorded> recorded = uploads.claim(user, upload.id())
                .flatMap(claimed -> claimed ? contents.register(upload.sha256(), upload.size(), upload.s3Key())
                        : Mono.error(DriveError.UPLOAD_NOT_FOUND.exception()))
                .flatMap(holder -> quotas.charge(user, upload.size())
                        .flatMap(quota -> entries.requireFolder(user, upload.parentId()).thenReturn(upload.parentId())
                                // the folder went to the trash meanwhile: the file lands in the root
                                .onErrorResume(DriveException.class, gone -> Mono.just(EntryStore.ROOT))
                                .flatMap(parent -> entries.insert(user, parent, upload.name(), false, upload.sha256(),
                                        upload.size(), upload.onConflict()))
                                .flatMap(entry -> indexing.changed(user, entry.id()).thenReturn(new Recorded(entry, holder, quota)))));
        return tx.transactional(recorded)
                .flatMap(r -> quotas.remember(user, r.quota())
                        .then(r.holder().equals(upload.s3Key()) ? Mono.empty() : bucket.delete(upload.s3Key())
                                .onErrorResume(e -> {
                                    log.warn("spare copy {} stays in the bucket: {}", upload.s3Key(), e.toString());
                                    return Mono.empty();
                                }))
                        .thenReturn(r.entry()));
    }

    private record Recorded(Entry entry, String holder, dev.mocks3.drive.content.Quota quota) {
    }
}
