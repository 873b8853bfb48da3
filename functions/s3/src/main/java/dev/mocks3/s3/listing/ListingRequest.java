package dev.mocks3.s3.listing;

import java.util.Arrays;

import dev.mocks3.core.auth.UriEncoding;
import dev.mocks3.core.call.S3Request;
import dev.mocks3.core.error.S3Error;

/**
 * The parameters the list operations share: prefix, delimiter, max-keys, encoding-type, and whether
 * {@code x-amz-optional-object-attributes} asks for {@code RestoreStatus} (S3 defines no other value).
 */
public record ListingRequest(String prefix, String delimiter, int maxKeys, boolean urlEncoded, boolean restoreStatus) {
    static final int MAX_KEYS = 1000;
    private static final String OPTIONAL_ATTRIBUTES = "x-amz-optional-object-attributes";

    static ListingRequest of(S3Request request) {
        String encoding = request.queryParam("encoding-type");
        if (encoding != null && !encoding.equals("url")) {
            throw S3Error.INVALID_ARGUMENT.exception("Invalid Encoding Method specified in Request")
                    .with("ArgumentName", "encoding-type").with("ArgumentValue", encoding);
        }
        String prefix = request.queryParam("prefix");
        String delimiter = request.queryParam("delimiter");
        return new ListingRequest(prefix == null ? "" : prefix, delimiter == null || delimiter.isEmpty() ? null : delimiter,
                maxKeys(request.queryParam("max-keys")), encoding != null, asksRestoreStatus(request));
    }

    /** The header is a comma-separated list (an SDK joins the values so); names other than RestoreStatus ask nothing. */
    private static boolean asksRestoreStatus(S3Request request) {
        String attributes = request.header(OPTIONAL_ATTRIBUTES);
        return attributes != null && Arrays.stream(attributes.split(",")).map(String::trim).anyMatch("RestoreStatus"::equals);
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
