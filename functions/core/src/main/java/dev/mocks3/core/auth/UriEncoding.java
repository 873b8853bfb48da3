package dev.mocks3.core.auth;

import java.nio.charset.StandardCharsets;

import dev.mocks3.core.routing.PercentDecoding;

/**
 * AWS's {@code UriEncode}: every byte but the RFC 3986 unreserved characters is percent-encoded
 * with upper-case hex (space is {@code %20}, never {@code +}). Its inverse is {@link PercentDecoding}.
 * Listings with {@code encoding-type=url} use it too, keeping {@code /} as S3 does.
 */
public final class UriEncoding {
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private UriEncoding() {
    }

    public static String encode(String value, boolean keepSlash) {
        StringBuilder out = new StringBuilder(value.length() + 16);
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (unreserved(c) || (keepSlash && c == '/')) {
                out.append((char) c);
            } else {
                out.append('%').append(HEX[c >> 4]).append(HEX[c & 0xf]);
            }
        }
        return out.toString();
    }

    private static boolean unreserved(int c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                || c == '-' || c == '_' || c == '.' || c == '~';
    }
}
