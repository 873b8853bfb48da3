package dev.mocks3.s3.bucket;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import dev.mocks3.core.call.S3Request;
import dev.mocks3.core.error.S3Error;
import dev.mocks3.state.metadata.BucketRecord;

/**
 * ListBuckets' paging: {@code max-buckets} (1 to 10000), {@code continuation-token} (opaque, the
 * last name of the previous page), {@code prefix} and {@code bucket-region} filters.
 */
record BucketPage(int maxBuckets, String after, String prefix, String region) {
    static final int MAX_BUCKETS = 10_000;
    private static final String TOKEN_VERSION = "b1:";

    static BucketPage of(S3Request request) {
        String token = request.queryParam("continuation-token");
        return new BucketPage(maxBuckets(request.queryParam("max-buckets")),
                token == null || token.isEmpty() ? null : decodeToken(token),
                request.queryParam("prefix"), request.queryParam("bucket-region"));
    }

    boolean admits(BucketRecord bucket) {
        return (after == null || bucket.name().compareTo(after) > 0)
                && (prefix == null || bucket.name().startsWith(prefix))
                && (region == null || region.isEmpty() || region.equals(bucket.region()));
    }

    /** The token of the page after this one, or null when {@code matching} (every admitted bucket, by name) fits. */
    String nextToken(List<BucketRecord> matching) {
        if (matching.size() <= maxBuckets) {
            return null;
        }
        String last = matching.get(maxBuckets - 1).name();
        return Base64.getUrlEncoder().withoutPadding().encodeToString((TOKEN_VERSION + last).getBytes(StandardCharsets.UTF_8));
    }

    List<BucketRecord> page(List<BucketRecord> matching) {
        return matching.size() <= maxBuckets ? matching : matching.subList(0, maxBuckets);
    }

    private static int maxBuckets(String value) {
        if (value == null) {
            return MAX_BUCKETS;
        }
        try {
            int parsed = Integer.parseInt(value.strip());
            if (parsed >= 1 && parsed <= MAX_BUCKETS) {
                return parsed;
            }
        } catch (NumberFormatException ignored) {
            // answered below
        }
        throw S3Error.INVALID_ARGUMENT.exception("Argument max-buckets must be an integer between 1 and 10000")
                .with("ArgumentName", "max-buckets").with("ArgumentValue", value);
    }

    private static String decodeToken(String token) {
        try {
            String text = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
            if (text.startsWith(TOKEN_VERSION)) {
                return text.substring(TOKEN_VERSION.length());
            }
        } catch (IllegalArgumentException ignored) {
            // answered below
        }
        throw S3Error.INVALID_ARGUMENT.exception("The continuation token provided is incorrect")
                .with("ArgumentName", "continuation-token");
    }
}
