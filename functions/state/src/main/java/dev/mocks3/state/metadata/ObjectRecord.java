package dev.mocks3.state.metadata;

import java.time.Instant;
import java.util.Map;

/**
 * One object as its metadata row describes it.
 *
 * @param headers the stored representation headers: Content-Encoding, Content-Disposition,
 *                Content-Language, Cache-Control, Expires (by their canonical names)
 * @param userMetadata {@code x-amz-meta-*} values, keyed by the lower-case suffix
 * @param checksums full-object checksums by algorithm name ({@code CRC32}), base64
 */
public record ObjectRecord(String bucket, String key, String blobSha256, long size, String etag,
                           Instant lastModified, String contentType, Map<String, String> headers,
                           Map<String, String> userMetadata, String storageClass, String owner,
                           Map<String, String> checksums) {

    public ObjectRecord {
        headers = Map.copyOf(headers);
        userMetadata = Map.copyOf(userMetadata);
        checksums = Map.copyOf(checksums);
    }

    /** The ETag as sent on the wire, quoted. */
    public String quotedEtag() {
        return "\"" + etag + "\"";
    }
}
