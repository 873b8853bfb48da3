package dev.mocks3.core.routing;

import dev.mocks3.core.error.S3Error;

/**
 * The {@code x-amz-copy-source} header: {@code [/]bucket/key[?versionId=...]}, URL-encoded.
 *
 * @param versionId the source version asked for, or null for the current object
 */
public record CopySource(String bucket, String key, String versionId) {

    public CopySource(String bucket, String key) {
        this(bucket, key, null);
    }

    public static CopySource parse(String header) {
        if (header == null || header.isBlank()) {
            throw S3Error.INVALID_ARGUMENT.exception("Copy Source must mention the source bucket and key: sourcebucket/sourcekey");
        }
        String value = header.trim();
        int query = value.indexOf('?');
        String versionId = null;
        if (query >= 0) {
            String params = value.substring(query + 1);
            value = value.substring(0, query);
            if (params.startsWith("versionId=")) {
                versionId = PercentDecoding.decode(params.substring("versionId=".length()));
            }
        }
        String decoded = PercentDecoding.decode(value);
        if (decoded.startsWith("/")) {
            decoded = decoded.substring(1);
        }
        int slash = decoded.indexOf('/');
        if (slash <= 0 || slash == decoded.length() - 1) {
            throw S3Error.INVALID_ARGUMENT.exception("Copy Source must mention the source bucket and key: sourcebucket/sourcekey");
        }
        return new CopySource(decoded.substring(0, slash), decoded.substring(slash + 1), versionId);
    }
}
