package dev.mocks3.core.auth;

import java.util.regex.Pattern;

import dev.mocks3.core.error.S3Error;

/** How the body is protected, as {@code x-amz-content-sha256} declares it. */
public enum PayloadMode {
    /** {@code UNSIGNED-PAYLOAD}, or no header (anonymous and presigned requests). */
    UNSIGNED,
    /** A hex SHA-256 of the whole body, checked when the body ends. */
    SIGNED_SINGLE,
    /** {@code STREAMING-AWS4-HMAC-SHA256-PAYLOAD}: aws-chunked, every chunk signed. */
    STREAMING_SIGNED,
    /** {@code STREAMING-AWS4-HMAC-SHA256-PAYLOAD-TRAILER}: signed chunks and a signed trailer. */
    STREAMING_SIGNED_TRAILER,
    /** {@code STREAMING-UNSIGNED-PAYLOAD-TRAILER}: aws-chunked without signatures, checksum in the trailer. */
    STREAMING_UNSIGNED_TRAILER;

    private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-fA-F]{64}");

    public boolean chunked() {
        return this == STREAMING_SIGNED || this == STREAMING_SIGNED_TRAILER || this == STREAMING_UNSIGNED_TRAILER;
    }

    public boolean signedChunks() {
        return this == STREAMING_SIGNED || this == STREAMING_SIGNED_TRAILER;
    }

    /** The mode an {@code x-amz-content-sha256} value names; null means the header is absent. */
    public static PayloadMode of(String contentSha256) {
        if (contentSha256 == null) {
            return UNSIGNED;
        }
        return switch (contentSha256) {
            case "UNSIGNED-PAYLOAD" -> UNSIGNED;
            case "STREAMING-AWS4-HMAC-SHA256-PAYLOAD" -> STREAMING_SIGNED;
            case "STREAMING-AWS4-HMAC-SHA256-PAYLOAD-TRAILER" -> STREAMING_SIGNED_TRAILER;
            case "STREAMING-UNSIGNED-PAYLOAD-TRAILER" -> STREAMING_UNSIGNED_TRAILER;
            case "STREAMING-AWS4-ECDSA-P256-SHA256-PAYLOAD", "STREAMING-AWS4-ECDSA-P256-SHA256-PAYLOAD-TRAILER" ->
                    throw S3Error.NOT_IMPLEMENTED.exception("SigV4a (ECDSA) signed payloads are not supported.");
            default -> {
                if (SHA256_HEX.matcher(contentSha256).matches()) {
                    yield SIGNED_SINGLE;
                }
                throw S3Error.INVALID_ARGUMENT.exception("x-amz-content-sha256 must be UNSIGNED-PAYLOAD, "
                        + "STREAMING-UNSIGNED-PAYLOAD-TRAILER, STREAMING-AWS4-HMAC-SHA256-PAYLOAD, "
                        + "STREAMING-AWS4-HMAC-SHA256-PAYLOAD-TRAILER or a valid sha256 value.")
                        .with("ArgumentName", "x-amz-content-sha256").with("ArgumentValue", contentSha256);
            }
        };
    }
}
