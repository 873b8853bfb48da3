package dev.mocks3.app.gateway;

import java.nio.charset.StandardCharsets;

import dev.mocks3.core.error.S3Error;
import dev.mocks3.core.routing.PercentDecoding;

/**
 * Bytes beyond ASCII sent unescaped in the request path reach us as ISO-8859-1 characters. They
 * must spell UTF-8, as %-escapes must (else 400 InvalidURI, as on S3); they are then escaped, so
 * that the key, the listing and the SigV4 canonical URI see the bytes the client sent.
 */
final class UnescapedPathBytes {
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private UnescapedPathBytes() {
    }

    static String escaped(String rawPath) {
        if (rawPath.chars().allMatch(c -> c < 0x80)) {
            return rawPath;
        }
        if (rawPath.chars().anyMatch(c -> c > 0xff)) {
            throw S3Error.INVALID_URI.exception();
        }
        byte[] bytes = rawPath.getBytes(StandardCharsets.ISO_8859_1);
        if (PercentDecoding.utf8(bytes).isEmpty()) {
            throw S3Error.INVALID_URI.exception();
        }
        StringBuilder out = new StringBuilder(bytes.length + 16);
        for (byte b : bytes) {
            int c = b & 0xff;
            if (c < 0x80) {
                out.append((char) c);
            } else {
                out.append('%').append(HEX[c >> 4]).append(HEX[c & 0xf]);
            }
        }
        return out.toString();
    }
}
