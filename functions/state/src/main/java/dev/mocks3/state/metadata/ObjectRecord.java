package dev.mocks3.state.metadata;

import java.time.Instant;
import java.util.Map;

/**
 * One object (one version of a key) as its metadata row describes it.
 *
 * @param headers the stored representation headers: Content-Encoding, Content-Disposition,
 *                Content-Language, Cache-Control, Expires (by their canonical names)
 * @param userMetadata {@code x-amz-meta-*} values, keyed by the lower-case suffix
 * @param checksums full-object checksums by algorithm name ({@code CRC32}), base64
 * @param versionId the version id, or null for the "null" version (every object of an unversioned bucket)
 * @param tags the object's tags (PutObjectTagging, x-amz-tagging)
 * @param content the object's bytes when they are kept in its blob's row (a small object, state V21) and were
 *                read with the row; null otherwise (read them from the blob store)
 */
public record ObjectRecord(String bucket, String key, String blobSha256, long size, String etag,
                           Instant lastModified, String contentType, Map<String, String> headers,
                           Map<String, String> userMetadata, String storageClass, String owner,
                           Map<String, String> checksums, String versionId, Map<String, String> tags,
                           byte[] content) {

    public ObjectRecord {
        headers = Map.copyOf(headers);
        userMetadata = Map.copyOf(userMetadata);
        checksums = Map.copyOf(checksums);
        tags = tags == null ? Map.of() : Map.copyOf(tags);
    }

    /** An object whose bytes were not read with it. */
    public ObjectRecord(String bucket, String key, String blobSha256, long size, String etag, Instant lastModified,
                        String contentType, Map<String, String> headers, Map<String, String> userMetadata,
                        String storageClass, String owner, Map<String, String> checksums, String versionId,
                        Map<String, String> tags) {
        this(bucket, key, blobSha256, size, etag, lastModified, contentType, headers, userMetadata, storageClass, owner,
                checksums, versionId, tags, null);
    }

    /** An unversioned, untagged object. */
    public ObjectRecord(String bucket, String key, String blobSha256, long size, String etag, Instant lastModified,
                        String contentType, Map<String, String> headers, Map<String, String> userMetadata,
                        String storageClass, String owner, Map<String, String> checksums) {
        this(bucket, key, blobSha256, size, etag, lastModified, contentType, headers, userMetadata, storageClass, owner,
                checksums, null, Map.of());
    }

    /** The ETag as sent on the wire, quoted. */
    public String quotedEtag() {
        return "\"" + etag + "\"";
    }

    /** The version id as S3 names it: {@code null} for the null version. */
    public String versionIdOrNull() {
        return versionId == null ? VersionIds.NULL : versionId;
    }

    public ObjectRecord withVersionId(String id) {
        return new ObjectRecord(bucket, key, blobSha256, size, etag, lastModified, contentType, headers, userMetadata,
                storageClass, owner, checksums, id, tags, content);
    }

    public ObjectRecord withTags(Map<String, String> newTags) {
        return new ObjectRecord(bucket, key, blobSha256, size, etag, lastModified, contentType, headers, userMetadata,
                storageClass, owner, checksums, versionId, newTags, content);
    }

    /** The same object with its bytes as read with its row (null: none). */
    public ObjectRecord withContent(byte[] bytes) {
        return new ObjectRecord(bucket, key, blobSha256, size, etag, lastModified, contentType, headers, userMetadata,
                storageClass, owner, checksums, versionId, tags, bytes);
    }

    public ObjectRecord withHeaders(Map<String, String> newHeaders) {
        return new ObjectRecord(bucket, key, blobSha256, size, etag, lastModified, contentType, newHeaders, userMetadata,
                storageClass, owner, checksums, versionId, tags, content);
    }
}
