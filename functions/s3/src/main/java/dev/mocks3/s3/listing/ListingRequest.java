package dev.mocks3.s3.listing;

import dev.mocks3.core.auth.UriEncoding;
import dev.mocks3.core.call.S3Request;
import dev.mocks3.core.error.S3Error;

/** The parameters both list operations share: prefix, delimiter, max-keys, encoding-type. */
public record ListingRequest(String prefix, String delimiter, int maxKeys, boolean urlEncoded) {
    static final int MAX_KEYS = 1000;

    static ListingRequest of(S3Request request) {
        String encoding = request.queryParam("encoding-type");
        if (encoding != null && !encoding.equals("url")) {
            throw S3Error.INVALID_ARGUMENT.exception("Invalid Encoding Method specified in Request")
                    .with("ArgumentName", "encoding-type").with("ArgumentValue", encoding);
        }
        String prefix = request.queryParam("prefix");
        String delimiter = request.queryParam("delimiter");
        return new ListingRequest(prefix == null ? "" : prefix, delimiter == null || delimiter.isEmpty() ? null : delimiter,
                maxKeys(request.queryParam("max-keys")), encoding != null);
    }

    private static int maxKeys(String value) {
        if (value == null) {
            return MAX_KEYS;
        }
        try {
            int parsed = Integer.parseInt(value.trim());
            if (parsed < 0) {
                throw new NumberFormatException();
            }
            return Math.min(parsed, MAX_KEYS);
        } catch (NumberFormatException e) {
            throw S3Error.INVALID_ARGUMENT.exception("Provided max-keys not an integer or within integer range")
                    .with("ArgumentName", "max-keys").with("ArgumentValue", value);
        }
    }

    /**
     * A key, prefix or marker as the listing prints it: with encoding-type=url, every byte but the
     * unreserved characters and {@code /} percent-encoded (space is {@code %20}), as S3 answers.
     */
    String encode(String value) {
        if (value == null || !urlEncoded) {
            return value;
        }
        return UriEncoding.encode(value, true);
    }
}
