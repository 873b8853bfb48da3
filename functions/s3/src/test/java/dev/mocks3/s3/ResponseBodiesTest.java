package dev.mocks3.s3;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.xmlunit.builder.DiffBuilder;
import org.xmlunit.builder.Input;
import org.xmlunit.diff.Diff;

import dev.mocks3.core.error.S3Error;
import dev.mocks3.core.xml.ErrorDocument;
import dev.mocks3.s3.bucket.ListAllMyBucketsResult;
import dev.mocks3.s3.bucket.LocationConstraint;
import dev.mocks3.s3.http.CopyResult;
import dev.mocks3.s3.http.Owner;
import dev.mocks3.s3.listing.ListBucketResult;
import dev.mocks3.s3.listing.ListBucketV2Result;
import dev.mocks3.s3.listing.ListingRequest;
import dev.mocks3.s3.multipart.CompleteMultipartUploadResult;
import dev.mocks3.s3.multipart.InitiateMultipartUploadResult;
import dev.mocks3.s3.multipart.ListMultipartUploadsResult;
import dev.mocks3.s3.multipart.ListPartsResult;
import dev.mocks3.s3.object.DeleteResult;
import dev.mocks3.s3.object.PostResponse;
import dev.mocks3.state.metadata.BucketRecord;
import dev.mocks3.state.metadata.Listing;
import dev.mocks3.state.metadata.MultipartUpload;
import dev.mocks3.state.metadata.ObjectDraft;
import dev.mocks3.state.metadata.ObjectRecord;
import dev.mocks3.state.metadata.UploadedPart;

/**
 * Each operation's response body, rendered from its result record without the application, against
 * a fixture under {@code fixtures/<Operation>.xml} written after the S3 API Reference: same element
 * names, order and namespace (whitespace between elements and comments aside).
 */
class ResponseBodiesTest {
    private static final Instant MODIFIED = Instant.parse("2026-01-02T03:04:05.678Z");
    private static final Instant CREATED = Instant.parse("2025-12-24T10:00:00Z");
    private static final String ACCESS_KEY = "AKIAIOSFODNN7EXAMPLE";
    private static final String ETAG = "\"9b2cf535f27731c974343645a3985328\"";

    @Test
    void listBuckets() {
        List<BucketRecord> buckets = List.of(new BucketRecord("logs", ACCESS_KEY, "eu-west-1", CREATED),
                new BucketRecord("photos", ACCESS_KEY, "us-east-1", CREATED));
        assertMatchesFixture("ListBuckets", new ListAllMyBucketsResult(Owner.of(ACCESS_KEY), buckets, null).xml());
    }

    @Test
    void listObjects() {
        Listing page = new Listing(List.of(object("2026/b&c.jpg", 1024)), List.of("2026/raw/"), true, "2026/raw/");
        ListingRequest request = new ListingRequest("2026/", "/", 2, false, false);
        assertMatchesFixture("ListObjects", new ListBucketResult("photos", request, "2026/a.jpg", page, Owner.of(ACCESS_KEY)).xml());
    }

    @Test
    void listObjectsV2() {
        Listing page = new Listing(List.of(object("2026/my cat.jpg", 2048)), List.of("2026/raw/"), true, "2026/raw/");
        ListingRequest request = new ListingRequest("2026/", "/", 2, true, false);
        assertMatchesFixture("ListObjectsV2",
                new ListBucketV2Result("photos", request, "djE6MjAyNi9hLmpwZw", null, false, page, Owner.of(ACCESS_KEY)).xml());
    }

    @Test
    void copyObject() {
        assertMatchesFixture("CopyObject", CopyResult.ofObject(MODIFIED, ETAG, null).xml());
    }

    @Test
    void uploadPartCopy() {
        assertMatchesFixture("UploadPartCopy", CopyResult.ofPart(MODIFIED, ETAG, null).xml());
    }

    @Test
    void createMultipartUpload() {
        assertMatchesFixture("CreateMultipartUpload",
                new InitiateMultipartUploadResult("videos", "2026/trip.mp4", "VXBsb2FkIElEIGZvciB0cmlwLm1wNA").xml());
    }

    @Test
    void postObjectWith201() {
        assertMatchesFixture("PostObject", new PostResponse("https://photos.s3.amazonaws.com/2026/a%20b.jpg", "photos",
                "2026/a b.jpg", ETAG).xml());
    }

    @Test
    void completeMultipartUpload() {
        assertMatchesFixture("CompleteMultipartUpload",
                new CompleteMultipartUploadResult("videos", "2026/trip.mp4", "\"3858f62230ac3c915f300c664312c11f-2\"").xml());
    }

    @Test
    void listParts() {
        MultipartUpload upload = upload("2026/trip.mp4", "VXBsb2FkIElEIGZvciB0cmlwLm1wNA");
        List<UploadedPart> parts = List.of(new UploadedPart(1, "a".repeat(64), 5_242_880, "7778aef83f66abc1fa1e8477f296d394",
                        "7778aef83f66abc1fa1e8477f296d394", MODIFIED, null),
                new UploadedPart(2, "b".repeat(64), 5_242_880, "aaaa18db4cc2f85cedef654fccc4a4d8",
                        "aaaa18db4cc2f85cedef654fccc4a4d8", MODIFIED, null));
        assertMatchesFixture("ListParts", new ListPartsResult(upload, 0, 2, true, parts).xml());
    }

    @Test
    void listMultipartUploads() {
        List<MultipartUpload> uploads = List.of(upload("videos/a.mp4", "VXBsb2FkIG9uZQ"), upload("videos/b.mp4", "VXBsb2FkIHR3bw"));
        assertMatchesFixture("ListMultipartUploads",
                new ListMultipartUploadsResult("media", null, "videos/", 2, true, uploads).xml());
    }

    @Test
    void deleteObjects() {
        List<DeleteResult.Outcome> outcomes = List.of(new DeleteResult.Outcome("sample1.txt", null, null, null),
                new DeleteResult.Outcome("sample2.txt", null, null, S3Error.ACCESS_DENIED.exception()));
        assertMatchesFixture("DeleteObjects", new DeleteResult(false, outcomes).xml());
    }

    @Test
    void deleteObjectsQuietReportsOnlyErrors() {
        List<DeleteResult.Outcome> outcomes = List.of(new DeleteResult.Outcome("sample1.txt", null, null, null),
                new DeleteResult.Outcome("sample2.txt", null, null, S3Error.ACCESS_DENIED.exception()));
        assertMatchesFixture("DeleteObjectsQuiet", new DeleteResult(true, outcomes).xml());
    }

    @Test
    void getBucketLocation() {
        assertMatchesFixture("GetBucketLocation", LocationConstraint.of("eu-west-1").xml());
    }

    @Test
    void getBucketLocationOfUsEast1IsEmpty() {
        assertMatchesFixture("GetBucketLocationUsEast1", LocationConstraint.of("us-east-1").xml());
    }

    @Test
    void errorDocument() {
        assertMatchesFixture("Error", ErrorDocument.render(S3Error.NO_SUCH_KEY.exception().with("Key", "2026/cat.jpg"),
                "/photos/2026/cat.jpg", "4442587FB7D0A2F9"));
    }

    private static ObjectRecord object(String key, long size) {
        return new ObjectRecord("photos", key, "c".repeat(64), size, ETAG.replace("\"", ""), MODIFIED, "image/jpeg",
                Map.of(), Map.of(), "STANDARD", ACCESS_KEY, Map.of());
    }

    private static MultipartUpload upload(String key, String uploadId) {
        return new MultipartUpload(uploadId, CREATED,
                new ObjectDraft("videos", key, "video/mp4", Map.of(), Map.of(), "STANDARD", ACCESS_KEY));
    }

    private static void assertMatchesFixture(String operation, byte[] rendered) {
        String expected = fixture(operation);
        String actual = new String(rendered, StandardCharsets.UTF_8);
        Diff diff = DiffBuilder.compare(Input.fromString(expected)).withTest(Input.fromString(actual))
                .ignoreWhitespace().ignoreComments().checkForIdentical().build();
        assertThat(diff.hasDifferences()).as(operation + " rendered\n" + actual + "\n" + diff).isFalse();
        assertThat(actual).as("an XML declaration first").startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>");
    }

    private static String fixture(String operation) {
        try (InputStream in = ResponseBodiesTest.class.getResourceAsStream("/fixtures/" + operation + ".xml")) {
            assertThat(in).as("fixtures/" + operation + ".xml").isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
