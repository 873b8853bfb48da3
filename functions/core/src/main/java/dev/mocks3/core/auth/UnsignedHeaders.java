package dev.mocks3.core.auth;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

import dev.mocks3.core.call.S3Request;
import dev.mocks3.core.error.S3Error;

/**
 * S3's rule that every {@code x-amz-*} header of a SigV4 request is signed: otherwise anyone on the
 * way could add {@code x-amz-copy-source} or {@code x-amz-meta-*} to a request someone else signed.
 */
final class UnsignedHeaders {
    private static final String AMZ_PREFIX = "x-amz-";

    private UnsignedHeaders() {
    }

    /** Throws AccessDenied (with a HeadersNotSigned element) when an x-amz-* header is not in SignedHeaders. */
    static void refuse(S3Request request, List<String> signedHeaders) {
        Set<String> unsigned = new TreeSet<>();
        for (String name : request.headers().keySet()) {
            String lower = name.toLowerCase(Locale.ROOT);
            if (lower.startsWith(AMZ_PREFIX) && !signedHeaders.contains(lower)) {
                unsigned.add(lower);
            }
        }
        if (!unsigned.isEmpty()) {
            throw S3Error.ACCESS_DENIED.exception("There were headers present in the request which were not signed")
                    .with("HeadersNotSigned", String.join(", ", unsigned));
        }
    }
}
