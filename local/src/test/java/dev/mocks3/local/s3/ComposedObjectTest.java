package dev.mocks3.local.s3;

import static dev.mocks3.local.s3.ObjectEncryptionTest.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.zip.CRC32;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.r2dbc.core.DatabaseClient;

import dev.mocks3.local.MockS3Fixture;
import dev.mocks3.state.metadata.StorageSweep;
import software.amazon.awssdk.core.async.AsyncResponseTransformer;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.model.BucketVersioningStatus;
import software.amazon.awssdk.services.s3.model.ChecksumMode;
import software.amazon.awssdk.services.s3.model.CompletedPart;

/**
 * A completed multipart upload is its parts' blobs, never a copy of them: it reads back whole and in
 * ranges across part boundaries, copies, and its part blobs live exactly as long as something names them.
 */
class ComposedObjectTest {
    private static final int MIB = 1024 * 1024;
    private final MockS3Fixture mocks3 = MockS3Fixture.shared();

    @Test
    void completedUploadReadsAsItsPartsWithoutCopyingThem() throws Exception {
        String bucket = mocks3.newBucket("composed");
        List<byte[]> parts = List.of(random(5 * MIB + 3, 1), random(5 * MIB, 2), random(1000, 3));
        byte[] whole = concat(parts);
        String etag = upload(bucket, "big", parts);

        assertThat(etag).endsWith("-3\"");
        var object = mocks3.s3().getObjectAsBytes(b -> b.bucket(bucket).key("big").checksumMode(ChecksumMode.ENABLED));
        assertThat(object.asByteArray()).isEqualTo(whole);
        assertThat(object.response().eTag()).isEqualTo(etag);
        assertThat(object.response().checksumCRC32()).isEqualTo(crc32(whole));
        assertThat(BlobFiles.of(mocks3, sha256(whole))).as("no joined copy of the parts").doesNotExist();

        long boundary = 5L * MIB + 3;
        for (long[] range : new long[][] {{boundary - 10, boundary + 9}, {boundary - 1, 2 * boundary}, {0, whole.length - 1},
                {whole.length - 1500, whole.length - 1}}) {
            byte[] got = mocks3.s3().getObjectAsBytes(b -> b.bucket(bucket).key("big").range("bytes=" + range[0] + "-" + range[1]))
                    .asByteArray();
            assertThat(got).as("bytes %d-%d", range[0], range[1])
                    .isEqualTo(Arrays.copyOfRange(whole, (int) range[0], (int) Math.min(range[1] + 1, whole.length)));
        }
        assertThat(mocks3.s3().headObject(b -> b.bucket(bucket).key("big")).contentLength()).isEqualTo(whole.length);

        mocks3.s3().copyObject(b -> b.sourceBucket(bucket).sourceKey("big").destinationBucket(bucket).destinationKey("copy"));
        assertThat(mocks3.s3().getObjectAsBytes(b -> b.bucket(bucket).key("copy")).asByteArray()).isEqualTo(whole);

        String uploadId = mocks3.s3().createMultipartUpload(b -> b.bucket(bucket).key("from-copy")).uploadId();
        String copied = mocks3.s3().uploadPartCopy(b -> b.sourceBucket(bucket).sourceKey("big").destinationBucket(bucket)
                .destinationKey("from-copy").uploadId(uploadId).partNumber(1)
                .copySourceRange("bytes=" + (boundary - 100) + "-" + (boundary + 99))).copyPartResult().eTag();
        complete(bucket, "from-copy", uploadId, List.of(copied));
        assertThat(mocks3.s3().getObjectAsBytes(b -> b.bucket(bucket).key("from-copy")).asByteArray())
                .isEqualTo(Arrays.copyOfRange(whole, (int) boundary - 100, (int) boundary + 100));
    }

    @Test
    void partNumberReadsOnePartAndAnObjectNotUploadedInPartsHasOnlyPartOne() {
        String bucket = mocks3.newBucket("composed-part-reads");
        List<byte[]> parts = List.of(random(5 * MIB + 7, 21), random(5 * MIB, 22), random(1000, 23));
        byte[] whole = concat(parts);
        String etag = upload(bucket, "big", parts);

        var second = mocks3.s3().getObjectAsBytes(b -> b.bucket(bucket).key("big").partNumber(2));
        assertThat(second.asByteArray()).isEqualTo(parts.get(1));
        assertThat(second.response().partsCount()).isEqualTo(3);
        assertThat(second.response().eTag()).as("the object's ETag, as on S3").isEqualTo(etag);
        assertThat(second.response().contentRange()).isEqualTo("bytes " + (5 * MIB + 7) + "-" + (10 * MIB + 6) + "/" + whole.length);
        var checked = mocks3.s3().getObjectAsBytes(b -> b.bucket(bucket).key("big").partNumber(2).checksumMode(ChecksumMode.ENABLED));
        assertThat(checked.asByteArray()).isEqualTo(parts.get(1));
        assertThat(checked.response().checksumCRC32()).as("no whole-object checksum on a part").isNull();
        var third = mocks3.s3().headObject(b -> b.bucket(bucket).key("big").partNumber(3));
        assertThat(third.contentLength()).isEqualTo(1000);
        assertThat(third.partsCount()).isEqualTo(3);
        assertError(() -> mocks3.s3().getObject(b -> b.bucket(bucket).key("big").partNumber(4)), 400, "InvalidPart");

        mocks3.s3().putObject(b -> b.bucket(bucket).key("small"), RequestBody.fromString("body"));
        var only = mocks3.s3().getObjectAsBytes(b -> b.bucket(bucket).key("small").partNumber(1));
        assertThat(only.asUtf8String()).isEqualTo("body");
        assertError(() -> mocks3.s3().getObject(b -> b.bucket(bucket).key("small").partNumber(2)), 400, "InvalidPart");
        assertError(() -> mocks3.s3().getObject(b -> b.bucket(bucket).key("small").partNumber(0)), 400, "InvalidArgument");
        assertError(() -> mocks3.s3().getObject(b -> b.bucket(bucket).key("small").partNumber(1).range("bytes=0-1")),
                400, "InvalidRequest");
    }

    @Test
    void anEmptyLastPartReadsAsNoBytesWhereItStartsAtTheObjectsEnd() {
        String bucket = mocks3.newBucket("composed-empty-part");
        List<byte[]> parts = List.of(random(5 * MIB, 31), random(5 * MIB, 32), new byte[0]);
        int size = 10 * MIB;
        String etag = upload(bucket, "ends-empty", parts);

        var third = mocks3.s3().getObjectAsBytes(b -> b.bucket(bucket).key("ends-empty").partNumber(3));
        assertThat(third.asByteArray().length).as("the part's bytes, not the whole object").isZero();
        assertThat(third.response().sdkHttpResponse().statusCode()).isEqualTo(206);
        assertThat(third.response().contentLength()).isZero();
        assertThat(third.response().contentRange()).isEqualTo("bytes " + size + "-" + (size - 1) + "/" + size);
        assertThat(third.response().partsCount()).isEqualTo(3);
        assertThat(third.response().eTag()).isEqualTo(etag);
        var head = mocks3.s3().headObject(b -> b.bucket(bucket).key("ends-empty").partNumber(3));
        assertThat(head.sdkHttpResponse().statusCode()).isEqualTo(206);
        assertThat(head.contentLength()).isZero();
        assertThat(head.contentRange()).isEqualTo(third.response().contentRange());
        assertThat(head.partsCount()).isEqualTo(3);
        assertThat(head.eTag()).isEqualTo(etag);
    }

    @Test
    void sdkMultipartDownloadOfAnObjectEndingInAnEmptyPartIsTheObject(@TempDir Path downloads) throws Exception {
        String bucket = mocks3.newBucket("composed-empty-part-sdk");
        List<byte[]> parts = List.of(random(5 * MIB, 33), random(5 * MIB, 34), new byte[0]);
        byte[] whole = concat(parts);
        upload(bucket, "ends-empty", parts);

        // the SDK asks for part 1, then for parts 2..N by partNumber: joined in order (to bytes), or each written
        // where its Content-Range says (to a file)
        byte[] joined = mocks3.s3AsyncMultipart().getObject(b -> b.bucket(bucket).key("ends-empty"),
                AsyncResponseTransformer.toBytes()).get(60, TimeUnit.SECONDS).asByteArray();
        assertThat(joined.length).as("bytes downloaded to memory").isEqualTo(whole.length);
        assertThat(sha256(joined)).isEqualTo(sha256(whole));
        Path file = downloads.resolve("ends-empty");
        mocks3.s3AsyncMultipart().getObject(b -> b.bucket(bucket).key("ends-empty"), AsyncResponseTransformer.toFile(file))
                .get(60, TimeUnit.SECONDS);
        assertThat(Files.size(file)).as("bytes downloaded to a file").isEqualTo(whole.length);
        assertThat(sha256(Files.readAllBytes(file))).isEqualTo(sha256(whole));
    }

    @Test
    void partBlobsGoWithTheLastObjectOrVersionThatNamesThem() throws Exception {
        String bucket = mocks3.newBucket("composed-refs");
        List<byte[]> parts = List.of(random(5 * MIB, 11), random(2000, 12));
        byte[] leftOut = random(3000, 13);
        String uploadId = mocks3.s3().createMultipartUpload(b -> b.bucket(bucket).key("k")).uploadId();
        List<String> etags = new ArrayList<>();
        for (int i = 0; i < parts.size(); i++) {
            int number = i + 1;
            etags.add(mocks3.s3().uploadPart(b -> b.bucket(bucket).key("k").uploadId(uploadId).partNumber(number),
                    RequestBody.fromBytes(parts.get(number - 1))).eTag());
        }
        mocks3.s3().uploadPart(b -> b.bucket(bucket).key("k").uploadId(uploadId).partNumber(3), RequestBody.fromBytes(leftOut));
        complete(bucket, "k", uploadId, etags);
        List<Path> partFiles = parts.stream().map(part -> BlobFiles.of(mocks3, sha256(part))).toList();
        assertThat(partFiles).allMatch(Files::exists);
        assertThat(BlobFiles.of(mocks3, sha256(leftOut))).as("uploaded part left out of the list").doesNotExist();

        mocks3.s3().copyObject(b -> b.sourceBucket(bucket).sourceKey("k").destinationBucket(bucket).destinationKey("k2"));
        mocks3.s3().putObject(b -> b.bucket(bucket).key("k"), RequestBody.fromString("overwritten"));
        assertThat(partFiles).as("still named by the copy").allMatch(Files::exists);
        List<String> partShas = new ArrayList<>();
        for (byte[] part : parts) {
            partShas.add(sha256(part));
        }
        mocks3.bean(StorageSweep.class).sweep().block(Duration.ofSeconds(30));
        assertThat(refCounts(partShas)).as("one reference each, from the one composed blob, after a sweep")
                .containsExactly(1L, 1L);
        assertThat(mocks3.s3().getObjectAsBytes(b -> b.bucket(bucket).key("k2")).asByteArray()).isEqualTo(concat(parts));

        mocks3.s3().deleteObject(b -> b.bucket(bucket).key("k2"));
        assertThat(partFiles).as("gone with the last object").noneMatch(Files::exists);
        assertThat(refCounts(partShas)).isEmpty();
    }

    @Test
    void aNoncurrentVersionKeepsItsPartsUntilItIsDeleted() throws Exception {
        String bucket = mocks3.newBucket("composed-versions");
        mocks3.s3().putBucketVersioning(b -> b.bucket(bucket).versioningConfiguration(v -> v.status(BucketVersioningStatus.ENABLED)));
        List<byte[]> parts = List.of(random(5 * MIB, 21), random(10, 22));
        upload(bucket, "v", parts);
        String versionId = mocks3.s3().headObject(b -> b.bucket(bucket).key("v")).versionId();
        mocks3.s3().putObject(b -> b.bucket(bucket).key("v"), RequestBody.fromString("newer"));
        List<Path> partFiles = parts.stream().map(part -> BlobFiles.of(mocks3, sha256(part))).toList();
        assertThat(partFiles).allMatch(Files::exists);
        assertThat(mocks3.s3().getObjectAsBytes(b -> b.bucket(bucket).key("v").versionId(versionId)).asByteArray())
                .isEqualTo(concat(parts));

        mocks3.s3().deleteObject(b -> b.bucket(bucket).key("v").versionId(versionId));
        assertThat(partFiles).noneMatch(Files::exists);
    }

    private List<Long> refCounts(List<String> shas) {
        return mocks3.bean(DatabaseClient.class).sql("select b.ref_count from unnest($1::text[]) with ordinality as s(sha, n) "
                        + "join blobs b on b.sha256 = s.sha order by s.n").bind(0, shas.toArray(String[]::new))
                .map(row -> row.get(0, Long.class)).all().collectList().block();
    }

    private String upload(String bucket, String key, List<byte[]> parts) {
        String uploadId = mocks3.s3().createMultipartUpload(b -> b.bucket(bucket).key(key)).uploadId();
        List<String> etags = new ArrayList<>();
        for (int i = 0; i < parts.size(); i++) {
            int number = i + 1;
            etags.add(mocks3.s3().uploadPart(b -> b.bucket(bucket).key(key).uploadId(uploadId).partNumber(number),
                    RequestBody.fromBytes(parts.get(number - 1))).eTag());
        }
        return complete(bucket, key, uploadId, etags);
    }

    private String complete(String bucket, String key, String uploadId, List<String> etags) {
        List<CompletedPart> completed = new ArrayList<>();
        for (int i = 0; i < etags.size(); i++) {
            completed.add(CompletedPart.builder().partNumber(i + 1).eTag(etags.get(i)).build());
        }
        return mocks3.s3().completeMultipartUpload(b -> b.bucket(bucket).key(key).uploadId(uploadId)
                .multipartUpload(m -> m.parts(completed))).eTag();
    }

    private static byte[] random(int size, long seed) {
        byte[] bytes = new byte[size];
        new Random(seed ^ System.nanoTime()).nextBytes(bytes);
        return bytes;
    }

    private static byte[] concat(List<byte[]> parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        parts.forEach(out::writeBytes);
        return out.toByteArray();
    }

    private static String crc32(byte[] bytes) {
        CRC32 crc = new CRC32();
        crc.update(bytes);
        return Base64.getEncoder().encodeToString(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
