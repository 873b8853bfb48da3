package dev.mocks3.local.s3;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;

import dev.mocks3.local.MockS3Fixture;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.S3Exception;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * Multipart requests racing each other on one upload, or failing midway. The interleaving a race can
 * take is forced by holding, in a transaction of the test's own, a lock the server's transaction
 * needs, until the other request is on its way: each outcome must be S3's, and nothing may be left
 * in the data folder.
 */
class MultipartRacesTest {
    private static final int MIB = 1024 * 1024;
    /** Requests run side by side whatever the number of cores (the common pool may have one thread). */
    private static final ExecutorService REQUESTS = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "race-request");
        thread.setDaemon(true);
        return thread;
    });
    private final MockS3Fixture mocks3 = MockS3Fixture.shared();
    private final S3Client s3 = mocks3.s3();
    private final S3Client once = MockS3Fixture.singleAttemptClient(mocks3.endpoint());

    @Test
    void aCompleteRefusedBecauseAPartChangedPublishesNothingAndTheUploadStillCompletes() throws Exception {
        String bucket = mocks3.newBucket("race-refused");
        String uploadId = s3.createMultipartUpload(b -> b.bucket(bucket).key("k")).uploadId();
        byte[] first = random(5 * MIB, 1);
        byte[] second = "second part".getBytes(StandardCharsets.UTF_8);
        byte[] replacement = "replacement of the second part".getBytes(StandardCharsets.UTF_8);
        String etag1 = uploadPart(bucket, uploadId, 1, first);
        String etag2 = uploadPart(bucket, uploadId, 2, second);

        CompletableFuture<Outcome> complete;
        // a lock on the upload's row that a part's upload passes but a completion waits for
        try (Hold hold = hold("select 1 from multipart_uploads where upload_id = '" + uploadId + "' for no key update")) {
            complete = async(() -> complete(bucket, uploadId, etag1, etag2));
            hold.awaitWaiters(1);
            // part 2 is replaced while the completion listing the first part 2 waits
            assertThat(uploadPart(bucket, uploadId, 2, replacement)).isNotEqualTo(etag2);
        }
        Outcome refused = complete.get(30, TimeUnit.SECONDS);
        assertThat(refused.code()).as(refused.toString()).isEqualTo("InvalidPart");
        Path manifest = manifestFile(first, second);
        assertThat(manifest).as("the refused completion's manifest").doesNotExist();

        assertThat(complete(bucket, uploadId, etag1, etag(replacement)).status()).isEqualTo(200);
        assertThat(s3.getObjectAsBytes(b -> b.bucket(bucket).key("k")).asByteArray()).isEqualTo(concat(first, replacement));
        assertThat(manifest).doesNotExist();
        assertThat(manifestFile(first, replacement)).exists();
    }

    @Test
    void aCompletionThatFailsAfterWritingItsManifestTakesItAwayAndTheUploadStillCompletes() {
        String bucket = mocks3.newBucket("fail-complete");
        String uploadId = s3.createMultipartUpload(b -> b.bucket(bucket).key("k")).uploadId();
        byte[] first = random(5 * MIB, 3);
        byte[] second = "the last part".getBytes(StandardCharsets.UTF_8);
        String etag1 = uploadPart(bucket, uploadId, 1, first);
        String etag2 = uploadPart(bucket, uploadId, 2, second);
        DatabaseClient db = mocks3.bean(DatabaseClient.class);
        String trigger = "fail_completion_" + uploadId.substring(0, 12);
        // the database refuses the completion's last step, after the manifest is written, for this upload only
        db.sql("create function " + trigger + "() returns trigger language plpgsql as $$ begin "
                + "raise exception 'completion refused for the test'; end $$").then().block();
        db.sql("create trigger " + trigger + " before insert on completed_multipart_uploads for each row "
                + "when (new.upload_id = '" + uploadId + "') execute function " + trigger + "()").then().block();
        try {
            Outcome failed = complete(bucket, uploadId, etag1, etag2);
            assertThat(failed.status()).as(failed.toString()).isGreaterThanOrEqualTo(500);
        } finally {
            db.sql("drop trigger " + trigger + " on completed_multipart_uploads").then().block();
            db.sql("drop function " + trigger + "()").then().block();
        }
        assertThat(manifestFile(first, second)).as("the failed completion's manifest").doesNotExist();

        assertThat(complete(bucket, uploadId, etag1, etag2).status()).isEqualTo(200);
        assertThat(s3.getObjectAsBytes(b -> b.bucket(bucket).key("k")).asByteArray()).isEqualTo(concat(first, second));
    }

    @Test
    void aPartRacingAnAbortIsStoredOrNoSuchUploadAndLeavesNoBlob() throws Exception {
        String bucket = mocks3.newBucket("race-abort");
        String uploadId = s3.createMultipartUpload(b -> b.bucket(bucket).key("k")).uploadId();
        byte[] first = "first part of an aborted upload".getBytes(StandardCharsets.UTF_8);
        byte[] racing = "part racing the abort".getBytes(StandardCharsets.UTF_8);
        uploadPart(bucket, uploadId, 1, first);

        CompletableFuture<Outcome> part;
        CompletableFuture<Outcome> abort;
        // the part's own lock, which it takes after reading the upload and before writing its row
        try (Hold hold = hold("select pg_advisory_xact_lock(" + nameLock(uploadId, "2") + ")")) {
            part = async(() -> outcome(() -> uploadPart(bucket, uploadId, 2, racing)));
            hold.awaitWaiters(1);
            abort = async(() -> outcome(() -> once.abortMultipartUpload(b -> b.bucket(bucket).key("k").uploadId(uploadId))));
            hold.awaitDoneOrWaiters(abort, 2);
        }
        assertStoredOrNoSuchUpload(part.get(30, TimeUnit.SECONDS));
        assertThat(abort.get(30, TimeUnit.SECONDS).status()).as("aborted").isEqualTo(200);
        Outcome listed = outcome(() -> once.listParts(b -> b.bucket(bucket).key("k").uploadId(uploadId)));
        assertThat(listed.code()).isEqualTo("NoSuchUpload");
        assertThat(BlobFiles.of(mocks3, sha256(racing))).as("the racing part's blob").doesNotExist();
        assertThat(BlobFiles.of(mocks3, sha256(first))).doesNotExist();
        assertThat(blobRows(sha256(racing), sha256(first))).isZero();
    }

    @Test
    void aPartRacingACompleteIsStoredOrNoSuchUploadAndLeavesNoBlob() throws Exception {
        String bucket = mocks3.newBucket("race-complete");
        String uploadId = s3.createMultipartUpload(b -> b.bucket(bucket).key("k")).uploadId();
        byte[] first = random(5 * MIB, 2);
        byte[] second = "last listed part".getBytes(StandardCharsets.UTF_8);
        byte[] racing = "part 3, left out of the list".getBytes(StandardCharsets.UTF_8);
        String etag1 = uploadPart(bucket, uploadId, 1, first);
        String etag2 = uploadPart(bucket, uploadId, 2, second);

        CompletableFuture<Outcome> part;
        CompletableFuture<Outcome> complete;
        try (Hold hold = hold("select pg_advisory_xact_lock(" + nameLock(uploadId, "3") + ")")) {
            part = async(() -> outcome(() -> uploadPart(bucket, uploadId, 3, racing)));
            hold.awaitWaiters(1);
            complete = async(() -> complete(bucket, uploadId, etag1, etag2));
            hold.awaitDoneOrWaiters(complete, 2);
        }
        assertStoredOrNoSuchUpload(part.get(30, TimeUnit.SECONDS));
        Outcome completed = complete.get(30, TimeUnit.SECONDS);
        assertThat(completed.status()).as(completed.toString()).isEqualTo(200);
        assertThat(s3.getObjectAsBytes(b -> b.bucket(bucket).key("k")).asByteArray()).isEqualTo(concat(first, second));
        assertThat(BlobFiles.of(mocks3, sha256(racing))).as("the racing part's blob").doesNotExist();
        assertThat(blobRows(sha256(racing))).isZero();
    }

    @Test
    void manyPartsRacingAnAbortAreEachStoredOrNoSuchUpload() throws Exception {
        String bucket = mocks3.newBucket("race-many");
        String uploadId = s3.createMultipartUpload(b -> b.bucket(bucket).key("k")).uploadId();
        List<byte[]> contents = new java.util.ArrayList<>();
        for (int i = 0; i < 24; i++) {
            contents.add(random(64 * 1024, 100 + i));
        }
        // the same content under two numbers too: a blob row two parts share
        contents.set(1, contents.get(0));
        List<CompletableFuture<Outcome>> parts = new java.util.ArrayList<>();
        for (int i = 0; i < contents.size(); i++) {
            int number = i + 1;
            byte[] content = contents.get(i);
            parts.add(async(() -> outcome(() -> uploadPart(bucket, uploadId, number, content))));
            if (i == contents.size() / 2) {
                parts.add(async(() -> outcome(() -> once.abortMultipartUpload(b -> b.bucket(bucket).key("k").uploadId(uploadId)))));
            }
        }
        for (CompletableFuture<Outcome> each : parts) {
            assertStoredOrNoSuchUpload(each.get(60, TimeUnit.SECONDS));
        }
        outcome(() -> once.abortMultipartUpload(b -> b.bucket(bucket).key("k").uploadId(uploadId)));
        for (byte[] content : contents) {
            assertThat(BlobFiles.of(mocks3, sha256(content))).doesNotExist();
        }
    }

    /** What a request answered: 200 for any success, else its status and S3's error code. */
    record Outcome(int status, String code) {
    }

    /** A part's upload (or the abort among them) succeeded, or was answered S3's NoSuchUpload: never a 500. */
    private static void assertStoredOrNoSuchUpload(Outcome outcome) {
        assertThat(outcome.status()).as(outcome.toString()).isIn(200, 404);
        if (outcome.status() == 404) {
            assertThat(outcome.code()).isEqualTo("NoSuchUpload");
        }
    }

    private static Outcome outcome(Runnable call) {
        try {
            call.run();
            return new Outcome(200, null);
        } catch (S3Exception e) {
            return new Outcome(e.statusCode(), e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorCode());
        }
    }

    private static <T> CompletableFuture<T> async(Supplier<T> call) {
        return CompletableFuture.supplyAsync(call, REQUESTS);
    }

    private String uploadPart(String bucket, String uploadId, int number, byte[] content) {
        return once.uploadPart(b -> b.bucket(bucket).key("k").uploadId(uploadId).partNumber(number), RequestBody.fromBytes(content))
                .eTag();
    }

    private Outcome complete(String bucket, String uploadId, String... etags) {
        List<CompletedPart> parts = new java.util.ArrayList<>();
        for (int i = 0; i < etags.length; i++) {
            parts.add(CompletedPart.builder().partNumber(i + 1).eTag(etags[i]).build());
        }
        return outcome(() -> once.completeMultipartUpload(b -> b.bucket(bucket).key("k").uploadId(uploadId)
                .multipartUpload(m -> m.parts(parts))));
    }

    /** The file a completed upload of these parts keeps as its manifest (a ComposedBlob's id). */
    private Path manifestFile(byte[]... parts) {
        StringBuilder manifest = new StringBuilder();
        for (byte[] part : parts) {
            manifest.append(sha256(part)).append(' ').append(part.length).append('\n');
        }
        return BlobFiles.of(mocks3, sha256(manifest.toString().getBytes(StandardCharsets.US_ASCII)) + "-" + parts.length);
    }

    private long blobRows(String... shas) {
        return mocks3.bean(DatabaseClient.class).sql("select count(*) from blobs where sha256 = any($1::text[])")
                .bind(0, shas).map(row -> row.get(0, Long.class)).one().block();
    }

    /** The two ints of the server's advisory lock on a name (BlobReferences.NameLock), as SQL arguments. */
    private static String nameLock(String... parts) {
        byte[] hash = sha256Bytes(String.join("\u0000", parts).getBytes(StandardCharsets.UTF_8));
        int high = ((hash[0] & 0xff) << 24) | ((hash[1] & 0xff) << 16) | ((hash[2] & 0xff) << 8) | (hash[3] & 0xff);
        int low = ((hash[4] & 0xff) << 24) | ((hash[5] & 0xff) << 16) | ((hash[6] & 0xff) << 8) | (hash[7] & 0xff);
        return high + ", " + low;
    }

    /** Runs {@code sql} in a transaction of the test's own, which keeps its locks until closed. */
    private Hold hold(String sql) throws InterruptedException {
        DatabaseClient db = mocks3.bean(DatabaseClient.class);
        Sinks.Empty<Void> release = Sinks.empty();
        CountDownLatch held = new CountDownLatch(1);
        AtomicInteger pid = new AtomicInteger();
        CompletableFuture<Void> done = new CompletableFuture<>();
        Mono<Void> work = db.sql("select pg_backend_pid()").map(row -> row.get(0, Integer.class)).one()
                .doOnNext(pid::set)
                .then(db.sql(sql).then())
                .doOnSuccess(ignored -> held.countDown())
                .then(release.asMono());
        mocks3.bean(TransactionalOperator.class).transactional(work)
                .subscribe(null, done::completeExceptionally, () -> done.complete(null));
        assertThat(held.await(20, TimeUnit.SECONDS)).as("the test's lock").isTrue();
        return new Hold(db, pid.get(), release, done);
    }

    /** A transaction of the test's holding locks; closing it commits. */
    private record Hold(DatabaseClient db, int pid, Sinks.Empty<Void> release, CompletableFuture<Void> done)
            implements AutoCloseable {

        /** Waits until {@code count} server transactions wait for a lock, directly or not, behind this one. */
        void awaitWaiters(int count) throws InterruptedException {
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (waiters() < count) {
                assertThat(System.nanoTime()).as("%d requests waiting for the test's lock", count).isLessThan(deadline);
                Thread.sleep(20);
            }
        }

        /** As {@link #awaitWaiters}, or until {@code request} has answered (it did not need to wait). */
        void awaitDoneOrWaiters(CompletableFuture<?> request, int count) throws InterruptedException {
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (!request.isDone() && waiters() < count) {
                assertThat(System.nanoTime()).as("the request answered or waits").isLessThan(deadline);
                Thread.sleep(20);
            }
        }

        private long waiters() {
            return db.sql("with recursive behind(pid) as (select a.pid from pg_stat_activity a where $1 = any(pg_blocking_pids(a.pid)) "
                            + "union select a.pid from pg_stat_activity a join behind b on b.pid = any(pg_blocking_pids(a.pid))) "
                            + "select count(*) from behind")
                    .bind(0, pid).map(row -> row.get(0, Long.class)).one().block();
        }

        @Override
        public void close() throws Exception {
            release.tryEmitEmpty();
            done.get(20, TimeUnit.SECONDS);
        }
    }

    private static String etag(byte[] content) {
        try {
            return "\"" + HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(content)) + "\"";
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String sha256(byte[] content) {
        return HexFormat.of().formatHex(sha256Bytes(content));
    }

    private static byte[] sha256Bytes(byte[] content) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(content);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] random(int size, long seed) {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] both = new byte[a.length + b.length];
        System.arraycopy(a, 0, both, 0, a.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }
}
