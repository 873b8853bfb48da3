package dev.mocks3.core.auth;

import java.time.Instant;

import dev.mocks3.core.call.S3Request;
import dev.mocks3.core.error.S3Error;
import dev.mocks3.core.error.S3Exception;

/** The {@code X-Amz-*} query parameters of a presigned URL. */
record PresignedQuery(ClaimedSignature claim, String timestamp, Instant time, long expiresSeconds,
                      String payloadHash) {
    static final long MAX_EXPIRES_SECONDS = 604_800;

    static boolean isPresigned(S3Request request) {
        return request.hasQuery("X-Amz-Signature") || request.hasQuery("X-Amz-Algorithm")
                || request.hasQuery("X-Amz-Credential");
    }

    static PresignedQuery parse(S3Request request) {
        String algorithm = request.queryParam("X-Amz-Algorithm");
        String credential = request.queryParam("X-Amz-Credential");
        String timestamp = request.queryParam("X-Amz-Date");
        String expires = request.queryParam("X-Amz-Expires");
        String signedHeaders = request.queryParam("X-Amz-SignedHeaders");
        String signature = request.queryParam("X-Amz-Signature");
        if (algorithm == null || credential == null || timestamp == null || expires == null
                || signedHeaders == null || signature == null) {
            throw S3Error.AUTHORIZATION_QUERY_PARAMETERS_ERROR.exception();
        }
        if (!algorithm.equals(StringToSign.ALGORITHM)) {
            throw error("X-Amz-Algorithm only supports \"AWS4-HMAC-SHA256\"");
        }
        Instant time = AmzDate.parse(timestamp);
        if (time == null) {
            throw error("X-Amz-Date must be in the ISO8601 Long Format \"yyyyMMdd'T'HHmmss'Z'\"");
        }
        long seconds;
        try {
            seconds = Long.parseLong(expires);
        } catch (NumberFormatException e) {
            throw error("X-Amz-Expires should be a number");
        }
        // S3 refuses both with 403 AccessDenied, not as malformed parameters
        if (seconds < 1) {
            throw S3Error.EXPIRED_TOKEN.exception().with("X-Amz-Expires", expires);
        }
        if (seconds > MAX_EXPIRES_SECONDS) {
            throw S3Error.ACCESS_DENIED.exception("X-Amz-Expires must be less than a week (in seconds) that is, the "
                    + "given X-Amz-Expires must be less than 604800 seconds").with("X-Amz-Expires", expires);
        }
        String payloadHash = request.queryParam("X-Amz-Content-Sha256");
        return new PresignedQuery(ClaimedSignature.fromQuery(credential, signedHeaders, signature), timestamp, time,
                seconds, payloadHash == null ? "UNSIGNED-PAYLOAD" : payloadHash);
    }

    Instant expiry() {
        return time.plusSeconds(expiresSeconds);
    }

    private static S3Exception error(String message) {
        return S3Error.AUTHORIZATION_QUERY_PARAMETERS_ERROR.exception(message);
    }
}
