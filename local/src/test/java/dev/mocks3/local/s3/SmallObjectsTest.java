package dev.mocks3.local.s3;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.r2dbc.core.DatabaseClient;

import dev.mocks3.local.MockS3Fixture;
import dev.mocks3.local.SideRunner;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketVersioningStatus;
import software.amazon.awssdk.services.s3.model.ChecksumMode;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;

/**
 * Bodies of up to 8,000 bytes are kept in their blob's row (state V21) instead of a file: what a client
 * sees is the same object, whole, in ranges, copied and part-copied, replaced either way by a larger one;
 * what is stored is one row per content and no file.
 */
class SmallObjectsTest {
    private final MockS3Fixture mocks3 = MockS3Fixture.shared();
    private final S3Client s3 = mocks3.s3();

    @Test
    void aSmallObjectIsKeptInItsRowWithNoFileAndReadsBackWholeAndInRanges() throws Exception {
        String bucket = mocks3.newBucket("small");
        String content = "small object " + UUID.randomUUID();

        String etag = s3.putObject(b -> b.bucket(bucket).key("k"), RequestBody.fromString(content)).eTag();

        assertThat(etag).isEqualTo("\"" + md5Hex(content) + "\"");
        assertThat(BlobFiles.ofContent(mocks3, content)).as("no file for a small body").doesNotExist();
        assertThat(rowContent(BlobFiles.sha256(content))).contains(content);
        ResponseBytes<GetObjectResponse> whole = s3.getObjectAsBytes(b -> b.bucket(bucket).key("k")
                .checksumMode(ChecksumMode.ENABLED));
        assertThat(whole.asUtf8String()).isEqualTo(content);
        assertThat(whole.response().eTag()).isEqualTo(etag);
        assertThat(whole.response().checksumCRC32()).isNotBlank();
        assertThat(s3.getObjectAsBytes(b -> b.bucket(bucket).key("k").range("bytes=6-11")).asUtf8String())
                .isEqualTo(content.substring(6, 12));
        assertThat(s3.getObjectAsBytes(b -> b.bucket(bucket).key("k").range("bytes=-4")).asUtf8String())
                .isEqualTo(content.substring(content.length() - 4));
        assertThat(s3.headObject(b -> b.bucket(bucket).key("k")).contentLength()).isEqualTo(content.length());
    }

    @Test
    void anEmptyBodyIsAnEmptyObject() {
        String bucket = mocks3.newBucket("smallempty");
        s3.putObject(b -> b.bucket(bucket).key("empty"), RequestBody.empty());

        ResponseBytes<GetObjectResponse> read = s3.getObjectAsBytes(b -> b.bucket(bucket).key("empty"));
        assertThat(read.asByteArray()).isEmpty();
        assertThat(read.response().eTag()).isEqualTo("\"d41d8cd98f00b204e9800998ecf8427e\"");
    }

    @Test
    void anOverwriteTakesTheReplacedSmallBytesAlongAndLargeAndSmallReplaceEachOther() throws Exception {
        String bucket = mocks3.newBucket("smallover");
        String first = "first " + UUID.randomUUID();
        String second = "second " + UUID.randomUUID();
        String large = "x".repeat(9000) + UUID.randomUUID();

        s3.putObject(b -> b.bucket(bucket).key("k"), RequestBody.fromString(first));
        s3.putObject(b -> b.bucket(bucket).key("k"), RequestBody.fromString(second));
        assertThat(blobRows(BlobFiles.sha256(first))).as("the replaced small blob's row").isZero();
        assertThat(s3.getObjectAsBytes(b -> b.bucket(bucket).key("k")).asUtf8String()).isEqualTo(second);

        s3.putObject(b -> b.bucket(bucket).key("k"), RequestBody.fromString(large));
        assertThat(BlobFiles.ofContent(mocks3, large)).as("a body over 8,000 bytes is a file").exists();
        assertThat(blobRows(BlobFiles.sha256(second))).isZero();
        assertThat(s3.getObjectAsBytes(b -> b.bucket(bucket).key("k")).asUtf8String()).isEqualTo(large);

        s3.putObject(b -> b.bucket(bucket).key("k"), RequestBody.fromString(first));
        assertThat(s3.getObjectAsBytes(b -> b.bucket(bucket).key("k")).asUtf8String()).isEqualTo(first);
        waitUntilGone(BlobFiles.ofContent(mocks3, large));
        assertThat(blobRows(BlobFiles.sha256(large))).isZero();
    }

    @Test
    void copiesAndPartCopiesOfASmallObjectReadItsRow() {
        String bucket = mocks3.newBucket("smallcopy");
        String content = "copied " + UUID.randomUUID();
        s3.putObject(b -> b.bucket(bucket).key("source"), RequestBody.fromString(content));

        s3.copyObject(b -> b.sourceBucket(bucket).sourceKey("source").destinationBucket(bucket).destinationKey("copy"));
        String uploadId = s3.createMultipartUpload(b -> b.bucket(bucket).key("composed")).uploadId();
        String partEtag = s3.uploadPartCopy(b -> b.sourceBucket(bucket).sourceKey("source").copySourceRange("bytes=0-5")
                .destinationBucket(bucket).destinationKey("composed").uploadId(uploadId).partNumber(1))
                .copyPartResult().eTag();
        s3.completeMultipartUpload(b -> b.bucket(bucket).key("composed").uploadId(uploadId)
                .multipartUpload(m -> m.parts(CompletedPart.builder().partNumber(1).eTag(partEtag).build())));
        s3.deleteObject(b -> b.bucket(bucket).key("source"));

        assertThat(s3.getObjectAsBytes(b -> b.bucket(bucket).key("copy")).asUtf8String()).isEqualTo(content);
        assertThat(s3.getObjectAsBytes(b -> b.bucket(bucket).key("composed")).asUtf8String())
                .isEqualTo(content.substring(0, 6));
        assertThat(blobRows(BlobFiles.sha256(content))).as("the copy keeps the row").isEqualTo(1);
    }

    @Test
    void contentWrittenSmallAndThroughAFileIsStoredOnceAndGoesWithItsLastReference() throws Exception {
        String plain = mocks3.newBucket("smallonce");
        String versioned = mocks3.newBucket("smalloncev");
        s3.putBucketVersioning(b -> b.bucket(versioned).versioningConfiguration(v -> v.status(BucketVersioningStatus.ENABLED)));
        String content = "shared " + UUID.randomUUID();
        String sha = BlobFiles.sha256(content);

        s3.putObject(b -> b.bucket(plain).key("a"), RequestBody.fromString(content));
        // a versioned bucket's write takes the transaction, whose blob is a file
        String version = s3.putObject(b -> b.bucket(versioned).key("b"), RequestBody.fromString(content)).versionId();
        assertThat(blobRows(sha)).isEqualTo(1);
        assertThat(refCount(sha)).isEqualTo(2);
        assertThat(s3.getObjectAsBytes(b -> b.bucket(versioned).key("b")).asUtf8String()).isEqualTo(content);

        s3.deleteObject(b -> b.bucket(plain).key("a"));
        assertThat(s3.getObjectAsBytes(b -> b.bucket(versioned).key("b").versionId(version)).asUtf8String())
                .isEqualTo(content);
        s3.deleteObject(b -> b.bucket(versioned).key("b").versionId(version));
        assertThat(blobRows(sha)).isZero();
        waitUntilGone(BlobFiles.ofContent(mocks3, content));
    }

    @Test
    void aSmallWriteOfContentStoredAsAFilePutsItsBytesInTheRowToo() {
        String plain = mocks3.newBucket("smallheal");
        String versioned = mocks3.newBucket("smallhealv");
        s3.putBucketVersioning(b -> b.bucket(versioned).versioningConfiguration(v -> v.status(BucketVersioningStatus.ENABLED)));
        String content = "first a file " + UUID.randomUUID();
        String sha = BlobFiles.sha256(content);

        s3.putObject(b -> b.bucket(versioned).key("file"), RequestBody.fromString(content));
        assertThat(BlobFiles.ofContent(mocks3, content)).exists();
        assertThat(rowContent(sha)).isEmpty();

        s3.putObject(b -> b.bucket(plain).key("row"), RequestBody.fromString(content));
        assertThat(rowContent(sha)).contains(content);
        assertThat(refCount(sha)).isEqualTo(2);
        assertThat(s3.getObjectAsBytes(b -> b.bucket(plain).key("row")).asUtf8String()).isEqualTo(content);
    }

    @Test
    void withSmallBodiesInRowsOffASmallBodyIsAFileThatAnOlderReleaseCouldRead() {
        try (SideRunner files = SideRunner.start(Map.of("mocks3.storage.small-bodies-in-rows", "false"))) {
            S3Client filesOnly = MockS3Fixture.singleAttemptClient(files.endpoint());
            String bucket = MockS3Fixture.uniqueBucket("smallfiles");
            String content = "a file as before " + UUID.randomUUID();
            filesOnly.createBucket(b -> b.bucket(bucket));

            filesOnly.putObject(b -> b.bucket(bucket).key("k"), RequestBody.fromString(content));

            assertThat(BlobFiles.ofContent(files.dataDir(), content)).as("the small body's file").exists();
            assertThat(rowContent(BlobFiles.sha256(content))).as("no bytes in the blob's row").isEmpty();
            assertThat(filesOnly.getObjectAsBytes(b -> b.bucket(bucket).key("k")).asUtf8String()).isEqualTo(content);
        }
    }

    @Test
    void theDeadRowsOfOverwrittenSmallObjectsAreVacuumedWithinSeconds() throws Exception {
        String bucket = mocks3.newBucket("smallvacuum");
        long vacuumsBefore = blobsAutovacuums();
        // each overwrite leaves an 8 KB dead row in blobs (V22: vacuumed once 1,000 are dead; naptime 5 s)
        for (int i = 0; i < 1500; i++) {
            String body = "overwrite " + i + " " + UUID.randomUUID();
            s3.putObject(b -> b.bucket(bucket).key("k"), RequestBody.fromString(body));
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (blobsAutovacuums() == vacuumsBefore && System.nanoTime() < deadline) {
            Thread.sleep(250);
        }
        assertThat(blobsAutovacuums()).as("autovacuum runs of blobs").isGreaterThan(vacuumsBefore);
    }

    private long blobsAutovacuums() {
        return db().sql("select autovacuum_count from pg_stat_user_tables where relname = 'blobs'")
                .map(row -> row.get(0, Long.class)).one().block();
    }

    private long blobRows(String sha) {
        return number("select count(*) from blobs where sha256 = $1", sha);
    }

    private long refCount(String sha) {
        return number("select ref_count from blobs where sha256 = $1", sha);
    }

    private long number(String query, String sha) {
        return db().sql(query).bind(0, sha).map(row -> row.get(0, Long.class)).one().block();
    }

    /** The bytes the blob's row keeps, as text; empty when it keeps none. */
    private Optional<String> rowContent(String sha) {
        return db().sql("select content from blobs where sha256 = $1").bind(0, sha)
                .map(row -> Optional.ofNullable(row.get(0, byte[].class)).map(bytes -> new String(bytes, StandardCharsets.UTF_8)))
                .one().block();
    }

    private DatabaseClient db() {
        return mocks3.bean(DatabaseClient.class);
    }

    /** The file check runs after the commit that dropped the last reference: it may end just after the answer. */
    private static void waitUntilGone(java.nio.file.Path file) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (java.nio.file.Files.exists(file) && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(file).doesNotExist();
    }

    private static String md5Hex(String content) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(content.getBytes(StandardCharsets.UTF_8)));
    }
}
