package dev.mocks3.local.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import dev.mocks3.local.MockS3Fixture;
import software.amazon.awssdk.checksums.DefaultChecksumAlgorithm;
import software.amazon.awssdk.checksums.SdkChecksum;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.model.ChecksumAlgorithm;
import software.amazon.awssdk.services.s3.model.ChecksumMode;
import software.amazon.awssdk.services.s3.model.ChecksumType;
import software.amazon.awssdk.services.s3.model.CompleteMultipartUploadResponse;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.GetObjectAttributesResponse;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.ListPartsResponse;
import software.amazon.awssdk.services.s3.model.ObjectAttributes;
import software.amazon.awssdk.services.s3.model.PutObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.UploadPartResponse;

/**
 * Checksums as the AWS SDK for Java v2 uses them: every x-amz-checksum-* algorithm on PUT (sent by the SDK in
 * a signed aws-chunked trailer, or as a header), verified, stored and answered with checksumMode(ENABLED);
 * multipart COMPOSITE and FULL_OBJECT checksums; CopyObject with a new algorithm; GetObjectAttributes.
 */
class ChecksumsTest {
    private static final int PART = 5 * 1024 * 1024;
    private final MockS3Fixture mocks3 = MockS3Fixture.shared();

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = ChecksumAlgorithm.class, names = {"CRC32", "CRC32_C", "CRC64_NVME", "SHA1", "SHA256"})
    void eachAlgorithmTheSdkSendsInATrailerIsStoredAndReturned(ChecksumAlgorithm algorithm) {
        String bucket = mocks3.newBucket("cks-" + algorithm.name().toLowerCase().replace("_", ""));
        byte[] content = "checksummed with the sdk".getBytes(StandardCharsets.UTF_8);
        String expected = checksum(algorithm, content);

        PutObjectResponse put = mocks3.s3().putObject(b -> b.bucket(bucket).key("k").checksumAlgorithm(algorithm),
                RequestBody.fromBytes(content));
        assertThat(valueOf(algorithm, put.checksumCRC32(), put.checksumCRC32C(), put.checksumCRC64NVME(),
                put.checksumSHA1(), put.checksumSHA256())).isEqualTo(expected);

        ResponseBytes<GetObjectResponse> got = mocks3.s3().getObjectAsBytes(b -> b.bucket(bucket).key("k")
                .checksumMode(ChecksumMode.ENABLED));
        GetObjectResponse r = got.response();
        assertThat(got.asByteArray()).isEqualTo(content);
        assertThat(valueOf(algorithm, r.checksumCRC32(), r.checksumCRC32C(), r.checksumCRC64NVME(), r.checksumSHA1(),
                r.checksumSHA256())).isEqualTo(expected);
        assertThat(r.checksumType()).isEqualTo(ChecksumType.FULL_OBJECT);

        HeadObjectResponse head = mocks3.s3().headObject(b -> b.bucket(bucket).key("k").checksumMode(ChecksumMode.ENABLED));
        assertThat(valueOf(algorithm, head.checksumCRC32(), head.checksumCRC32C(), head.checksumCRC64NVME(),
                head.checksumSHA1(), head.checksumSHA256())).isEqualTo(expected);
        // only the object's own algorithm is answered
        if (algorithm != ChecksumAlgorithm.CRC32) {
            assertThat(head.checksumCRC32()).isNull();
        }
    }

    @Test
    void aChecksumHeaderIsVerifiedAndAWrongOneIsBadDigestAndStoresNothing() {
        String bucket = mocks3.newBucket("cks-header");
        byte[] content = "header checksum".getBytes(StandardCharsets.UTF_8);
        String sha256 = checksum(ChecksumAlgorithm.SHA256, content);
        mocks3.s3().putObject(b -> b.bucket(bucket).key("good").checksumSHA256(sha256), RequestBody.fromBytes(content));
        assertThat(mocks3.s3().headObject(b -> b.bucket(bucket).key("good").checksumMode(ChecksumMode.ENABLED))
                .checksumSHA256()).isEqualTo(sha256);

        String wrong = checksum(ChecksumAlgorithm.SHA256, "other bytes".getBytes(StandardCharsets.UTF_8));
        S3Exception error = catchThrowableOfType(S3Exception.class, () -> mocks3.s3().putObject(
                b -> b.bucket(bucket).key("bad").checksumSHA256(wrong), RequestBody.fromBytes(content)));
        assertThat(error.statusCode()).isEqualTo(400);
        assertThat(error.awsErrorDetails().errorCode()).isEqualTo("BadDigest");
        assertThat(error.awsErrorDetails().errorMessage())
                .isEqualTo("The SHA256 you specified did not match the calculated checksum.");
        assertThat(catchThrowableOfType(S3Exception.class, () -> mocks3.s3().headObject(b -> b.bucket(bucket).key("bad")))
                .statusCode()).isEqualTo(404);
    }

    @Test
    void anUnsignedTrailerChecksumIsStoredAndAWrongOneRefused() throws Exception {
        String bucket = mocks3.newBucket("cks-trailer");
        byte[] content = "hello".getBytes(StandardCharsets.UTF_8);
        String crc32c = checksum(ChecksumAlgorithm.CRC32_C, content);
        assertThat(putWithUnsignedTrailer(bucket, "k", crc32c).statusCode()).isEqualTo(200);
        assertThat(mocks3.s3().headObject(b -> b.bucket(bucket).key("k").checksumMode(ChecksumMode.ENABLED))
                .checksumCRC32C()).isEqualTo(crc32c);

        HttpResponse<String> refused = putWithUnsignedTrailer(bucket, "k2", checksum(ChecksumAlgorithm.CRC32_C, new byte[3]));
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("<Code>BadDigest</Code>")
                .contains("The CRC32C you specified did not match the calculated checksum.");
    }

    @Test
    void anSdkAlgorithmWithoutAChecksumIsRefused() throws Exception {
        String bucket = mocks3.newBucket("cks-noval");
        HttpResponse<String> answer = mocks3.http().send(HttpRequest.newBuilder(mocks3.uri("/" + bucket + "/k"))
                .header("x-amz-sdk-checksum-algorithm", "SHA256")
                .PUT(HttpRequest.BodyPublishers.ofString("abc")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(answer.body()).contains("<Code>InvalidRequest</Code>").contains(
                "x-amz-sdk-checksum-algorithm specified, but no corresponding x-amz-checksum-* or x-amz-trailer headers were found.");
    }

    @Test
    void aCompositeMultipartChecksumIsTheChecksumOfThePartChecksums() {
        String bucket = mocks3.newBucket("cks-composite");
        byte[][] parts = parts(3);
        String uploadId = mocks3.s3().createMultipartUpload(b -> b.bucket(bucket).key("k")
                .checksumAlgorithm(ChecksumAlgorithm.SHA256)).uploadId();
        List<CompletedPart> completed = new ArrayList<>();
        ByteArrayOutputStream rawPartChecksums = new ByteArrayOutputStream();
        for (int i = 0; i < parts.length; i++) {
            int number = i + 1;
            byte[] bytes = parts[i];
            UploadPartResponse part = mocks3.s3().uploadPart(b -> b.bucket(bucket).key("k").uploadId(uploadId)
                    .partNumber(number).checksumAlgorithm(ChecksumAlgorithm.SHA256), RequestBody.fromBytes(bytes));
            assertThat(part.checksumSHA256()).isEqualTo(checksum(ChecksumAlgorithm.SHA256, bytes));
            rawPartChecksums.writeBytes(Base64.getDecoder().decode(part.checksumSHA256()));
            completed.add(CompletedPart.builder().partNumber(number).eTag(part.eTag()).checksumSHA256(part.checksumSHA256()).build());
        }
        ListPartsResponse listed = mocks3.s3().listParts(b -> b.bucket(bucket).key("k").uploadId(uploadId));
        assertThat(listed.checksumAlgorithm()).isEqualTo(ChecksumAlgorithm.SHA256);
        assertThat(listed.checksumType()).isEqualTo(ChecksumType.COMPOSITE);
        assertThat(listed.parts()).extracting(p -> p.checksumSHA256())
                .containsExactlyElementsOf(completed.stream().map(CompletedPart::checksumSHA256).toList());

        CompleteMultipartUploadResponse done = mocks3.s3().completeMultipartUpload(b -> b.bucket(bucket).key("k")
                .uploadId(uploadId).multipartUpload(m -> m.parts(completed)));
        String composite = checksum(ChecksumAlgorithm.SHA256, rawPartChecksums.toByteArray()) + "-3";
        assertThat(done.checksumSHA256()).isEqualTo(composite);
        assertThat(done.checksumType()).isEqualTo(ChecksumType.COMPOSITE);
        HeadObjectResponse head = mocks3.s3().headObject(b -> b.bucket(bucket).key("k").checksumMode(ChecksumMode.ENABLED));
        assertThat(head.checksumSHA256()).isEqualTo(composite);
        assertThat(head.checksumType()).isEqualTo(ChecksumType.COMPOSITE);

        GetObjectAttributesResponse attributes = mocks3.s3().getObjectAttributes(b -> b.bucket(bucket).key("k")
                .objectAttributes(ObjectAttributes.E_TAG, ObjectAttributes.CHECKSUM, ObjectAttributes.OBJECT_PARTS,
                        ObjectAttributes.STORAGE_CLASS, ObjectAttributes.OBJECT_SIZE).maxParts(2));
        assertThat(attributes.eTag()).isEqualTo(done.eTag().replace("\"", ""));
        assertThat(attributes.checksum().checksumSHA256()).isEqualTo(composite);
        assertThat(attributes.checksum().checksumType()).isEqualTo(ChecksumType.COMPOSITE);
        assertThat(attributes.objectSize()).isEqualTo((long) 2 * PART + parts[2].length);
        assertThat(attributes.storageClassAsString()).isEqualTo("STANDARD");
        assertThat(attributes.objectParts().totalPartsCount()).isEqualTo(3);
        assertThat(attributes.objectParts().isTruncated()).isTrue();
        assertThat(attributes.objectParts().parts()).extracting(p -> p.partNumber(), p -> p.size(), p -> p.checksumSHA256())
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(1, (long) PART, completed.get(0).checksumSHA256()),
                        org.assertj.core.groups.Tuple.tuple(2, (long) PART, completed.get(1).checksumSHA256()));
        GetObjectAttributesResponse rest = mocks3.s3().getObjectAttributes(b -> b.bucket(bucket).key("k")
                .objectAttributes(ObjectAttributes.OBJECT_PARTS).partNumberMarker(attributes.objectParts().nextPartNumberMarker()));
        assertThat(rest.objectParts().parts()).extracting(p -> p.partNumber()).containsExactly(3);
        assertThat(rest.objectParts().isTruncated()).isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = ChecksumAlgorithm.class, names = {"CRC32", "CRC32_C", "CRC64_NVME"})
    void aFullObjectMultipartChecksumIsTheCrcOfTheWholeObject(ChecksumAlgorithm algorithm) {
        String bucket = mocks3.newBucket("cks-full-" + algorithm.name().toLowerCase().replace("_", ""));
        byte[][] parts = parts(3);
        String uploadId = mocks3.s3().createMultipartUpload(b -> b.bucket(bucket).key("k")
                .checksumAlgorithm(algorithm).checksumType(ChecksumType.FULL_OBJECT)).uploadId();
        List<CompletedPart> completed = new ArrayList<>();
        for (int i = 0; i < parts.length; i++) {
            int number = i + 1;
            byte[] bytes = parts[i];
            UploadPartResponse part = mocks3.s3().uploadPart(b -> b.bucket(bucket).key("k").uploadId(uploadId)
                    .partNumber(number).checksumAlgorithm(algorithm), RequestBody.fromBytes(bytes));
            completed.add(CompletedPart.builder().partNumber(number).eTag(part.eTag()).checksumCRC32(part.checksumCRC32())
                    .checksumCRC32C(part.checksumCRC32C()).checksumCRC64NVME(part.checksumCRC64NVME()).build());
        }
        CompleteMultipartUploadResponse done = mocks3.s3().completeMultipartUpload(b -> b.bucket(bucket).key("k")
                .uploadId(uploadId).multipartUpload(m -> m.parts(completed)));
        byte[] whole = concat(parts);
        String expected = checksum(algorithm, whole);
        assertThat(valueOf(algorithm, done.checksumCRC32(), done.checksumCRC32C(), done.checksumCRC64NVME(), null, null))
                .isEqualTo(expected);
        assertThat(done.checksumType()).isEqualTo(ChecksumType.FULL_OBJECT);
        // the SDK validates the body it reads against the checksum answered
        ResponseBytes<GetObjectResponse> got = mocks3.s3().getObjectAsBytes(b -> b.bucket(bucket).key("k")
                .checksumMode(ChecksumMode.ENABLED));
        assertThat(got.asByteArray()).isEqualTo(whole);
        GetObjectResponse r = got.response();
        assertThat(valueOf(algorithm, r.checksumCRC32(), r.checksumCRC32C(), r.checksumCRC64NVME(), null, null))
                .isEqualTo(expected);
    }

    @Test
    void anUploadWithoutAlgorithmStillGetsTheCrc32OfTheWholeObject() {
        String bucket = mocks3.newBucket("cks-mp-default");
        byte[][] parts = parts(2);
        String uploadId = mocks3.s3().createMultipartUpload(b -> b.bucket(bucket).key("k")).uploadId();
        List<CompletedPart> completed = new ArrayList<>();
        for (int i = 0; i < parts.length; i++) {
            int number = i + 1;
            byte[] bytes = parts[i];
            String etag = mocks3.s3().uploadPart(b -> b.bucket(bucket).key("k").uploadId(uploadId).partNumber(number),
                    RequestBody.fromBytes(bytes)).eTag();
            completed.add(CompletedPart.builder().partNumber(number).eTag(etag).build());
        }
        mocks3.s3().completeMultipartUpload(b -> b.bucket(bucket).key("k").uploadId(uploadId)
                .multipartUpload(m -> m.parts(completed)));
        assertThat(mocks3.s3().headObject(b -> b.bucket(bucket).key("k").checksumMode(ChecksumMode.ENABLED)).checksumCRC32())
                .isEqualTo(checksum(ChecksumAlgorithm.CRC32, concat(parts)));
        GetObjectAttributesResponse attributes = mocks3.s3().getObjectAttributes(b -> b.bucket(bucket).key("k")
                .objectAttributes(ObjectAttributes.OBJECT_PARTS));
        assertThat(attributes.objectParts().totalPartsCount()).isEqualTo(2);
        assertThat(attributes.objectParts().hasParts()).isFalse();
    }

    @Test
    void completeChecksThePartChecksumsItLists() {
        String bucket = mocks3.newBucket("cks-complete");
        byte[] bytes = "one small part".getBytes(StandardCharsets.UTF_8);
        String uploadId = mocks3.s3().createMultipartUpload(b -> b.bucket(bucket).key("k")
                .checksumAlgorithm(ChecksumAlgorithm.SHA1)).uploadId();
        UploadPartResponse part = mocks3.s3().uploadPart(b -> b.bucket(bucket).key("k").uploadId(uploadId).partNumber(1)
                .checksumAlgorithm(ChecksumAlgorithm.SHA1), RequestBody.fromBytes(bytes));

        S3Exception wrong = catchThrowableOfType(S3Exception.class, () -> mocks3.s3().completeMultipartUpload(b -> b
                .bucket(bucket).key("k").uploadId(uploadId).multipartUpload(m -> m.parts(CompletedPart.builder()
                        .partNumber(1).eTag(part.eTag()).checksumSHA1(checksum(ChecksumAlgorithm.SHA1, new byte[1])).build()))));
        assertThat(wrong.awsErrorDetails().errorCode()).isEqualTo("InvalidPart");

        S3Exception missing = catchThrowableOfType(S3Exception.class, () -> mocks3.s3().completeMultipartUpload(b -> b
                .bucket(bucket).key("k").uploadId(uploadId).multipartUpload(m -> m.parts(CompletedPart.builder()
                        .partNumber(1).eTag(part.eTag()).build()))));
        assertThat(missing.awsErrorDetails().errorCode()).isEqualTo("InvalidRequest");
        assertThat(missing.awsErrorDetails().errorMessage()).isEqualTo("The upload was created using a sha1 checksum. "
                + "The complete request must include the checksum for each part. It was missing for part 1 in the request.");

        S3Exception otherAlgorithm = catchThrowableOfType(S3Exception.class, () -> mocks3.s3().uploadPart(b -> b
                .bucket(bucket).key("k").uploadId(uploadId).partNumber(2).checksumAlgorithm(ChecksumAlgorithm.CRC32),
                RequestBody.fromBytes(bytes)));
        assertThat(otherAlgorithm.awsErrorDetails().errorMessage())
                .isEqualTo("Checksum Type mismatch occurred, expected checksum Type: sha1, actual checksum Type: crc32");

        CompleteMultipartUploadResponse done = mocks3.s3().completeMultipartUpload(b -> b.bucket(bucket).key("k")
                .uploadId(uploadId).multipartUpload(m -> m.parts(CompletedPart.builder().partNumber(1).eTag(part.eTag())
                        .checksumSHA1(part.checksumSHA1()).build())));
        assertThat(done.checksumSHA1()).isEqualTo(checksum(ChecksumAlgorithm.SHA1,
                Base64.getDecoder().decode(part.checksumSHA1())) + "-1");
    }

    @Test
    void aFullObjectShaUploadIsRefused() {
        String bucket = mocks3.newBucket("cks-full-sha");
        S3Exception error = catchThrowableOfType(S3Exception.class, () -> mocks3.s3().createMultipartUpload(b -> b
                .bucket(bucket).key("k").checksumAlgorithm(ChecksumAlgorithm.SHA256).checksumType(ChecksumType.FULL_OBJECT)));
        assertThat(error.statusCode()).isEqualTo(400);
        assertThat(error.awsErrorDetails().errorMessage())
                .isEqualTo("The FULL_OBJECT checksum type cannot be used with the sha256 checksum algorithm.");
    }

    @Test
    void aCopyWithAChecksumAlgorithmGetsThatChecksum() {
        String bucket = mocks3.newBucket("cks-copy");
        byte[] content = "copy me".getBytes(StandardCharsets.UTF_8);
        mocks3.s3().putObject(b -> b.bucket(bucket).key("src"), RequestBody.fromBytes(content));
        var copied = mocks3.s3().copyObject(b -> b.sourceBucket(bucket).sourceKey("src").destinationBucket(bucket)
                .destinationKey("dst").checksumAlgorithm(ChecksumAlgorithm.SHA256));
        String sha256 = checksum(ChecksumAlgorithm.SHA256, content);
        assertThat(copied.copyObjectResult().checksumSHA256()).isEqualTo(sha256);
        assertThat(mocks3.s3().headObject(b -> b.bucket(bucket).key("dst").checksumMode(ChecksumMode.ENABLED))
                .checksumSHA256()).isEqualTo(sha256);
    }

    @Test
    void getObjectAttributesOfASimpleObjectAndItsErrors() throws Exception {
        String bucket = mocks3.newBucket("cks-attrs");
        byte[] content = "attributes".getBytes(StandardCharsets.UTF_8);
        mocks3.s3().putObject(b -> b.bucket(bucket).key("k").checksumAlgorithm(ChecksumAlgorithm.CRC32_C),
                RequestBody.fromBytes(content));
        GetObjectAttributesResponse attributes = mocks3.s3().getObjectAttributes(b -> b.bucket(bucket).key("k")
                .objectAttributes(ObjectAttributes.E_TAG, ObjectAttributes.CHECKSUM, ObjectAttributes.OBJECT_SIZE,
                        ObjectAttributes.OBJECT_PARTS));
        assertThat(attributes.checksum().checksumCRC32C()).isEqualTo(checksum(ChecksumAlgorithm.CRC32_C, content));
        assertThat(attributes.checksum().checksumType()).isEqualTo(ChecksumType.FULL_OBJECT);
        assertThat(attributes.objectSize()).isEqualTo(content.length);
        assertThat(attributes.objectParts()).isNull();
        assertThat(attributes.lastModified()).isNotNull();

        HttpResponse<String> noHeader = mocks3.http().send(HttpRequest.newBuilder(mocks3.uri("/" + bucket + "/k?attributes"))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(noHeader.statusCode()).isEqualTo(400);
        assertThat(noHeader.body()).contains("<Code>InvalidRequest</Code>");
        HttpResponse<String> badName = mocks3.http().send(HttpRequest.newBuilder(mocks3.uri("/" + bucket + "/k?attributes"))
                .header("x-amz-object-attributes", "ETag,Colour").GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(badName.statusCode()).isEqualTo(400);
        assertThat(badName.body()).contains("<Code>InvalidArgument</Code>");
        S3Exception missing = catchThrowableOfType(S3Exception.class, () -> mocks3.s3().getObjectAttributes(b -> b
                .bucket(bucket).key("nothing").objectAttributes(ObjectAttributes.E_TAG)));
        assertThat(missing.statusCode()).isEqualTo(404);
    }

    private HttpResponse<String> putWithUnsignedTrailer(String bucket, String key, String crc32c) throws Exception {
        String body = "5\r\nhello\r\n0\r\nx-amz-checksum-crc32c:" + crc32c + "\r\n\r\n";
        return mocks3.http().send(HttpRequest.newBuilder(mocks3.uri("/" + bucket + "/" + key))
                .header("x-amz-content-sha256", "STREAMING-UNSIGNED-PAYLOAD-TRAILER")
                .header("Content-Encoding", "aws-chunked").header("x-amz-decoded-content-length", "5")
                .header("x-amz-trailer", "x-amz-checksum-crc32c")
                .PUT(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static byte[][] parts(int count) {
        Random random = new Random(count);
        byte[][] parts = new byte[count][];
        for (int i = 0; i < count; i++) {
            parts[i] = new byte[i == count - 1 ? 1234 : PART];
            random.nextBytes(parts[i]);
        }
        return parts;
    }

    private static byte[] concat(byte[][] parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Arrays.stream(parts).forEach(out::writeBytes);
        return out.toByteArray();
    }

    private static String valueOf(ChecksumAlgorithm algorithm, String crc32, String crc32c, String crc64, String sha1,
                                  String sha256) {
        return switch (algorithm) {
            case CRC32 -> crc32;
            case CRC32_C -> crc32c;
            case CRC64_NVME -> crc64;
            case SHA1 -> sha1;
            default -> sha256;
        };
    }

    /** The checksum as the SDK computes it (CRC64NVME through the CRT), base64. */
    static String checksum(ChecksumAlgorithm algorithm, byte[] bytes) {
        SdkChecksum checksum = SdkChecksum.forAlgorithm(switch (algorithm) {
            case CRC32 -> DefaultChecksumAlgorithm.CRC32;
            case CRC32_C -> DefaultChecksumAlgorithm.CRC32C;
            case CRC64_NVME -> DefaultChecksumAlgorithm.CRC64NVME;
            case SHA1 -> DefaultChecksumAlgorithm.SHA1;
            default -> DefaultChecksumAlgorithm.SHA256;
        });
        checksum.update(bytes, 0, bytes.length);
        return Base64.getEncoder().encodeToString(checksum.getChecksumBytes());
    }
}
