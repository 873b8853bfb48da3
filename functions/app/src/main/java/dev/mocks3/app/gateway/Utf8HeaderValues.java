package dev.mocks3.app.gateway;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpHeaders;

import dev.mocks3.core.routing.PercentDecoding;

/**
 * Netty reads header bytes as ISO-8859-1. A value whose bytes are valid UTF-8 (what Go, JavaScript
 * and curl send for {@code x-amz-meta-name: café}) is read again as UTF-8, so that SigV4 signs the
 * bytes that were sent, as S3 does, and the metadata stored is the text the client meant. A byte
 * that is no UTF-8 (the Java SDK's Apache client sends {@code é} as one byte) stays ISO-8859-1.
 */
final class Utf8HeaderValues {
    private Utf8HeaderValues() {
    }

    static HttpHeaders of(HttpHeaders headers) {
        if (!anyBeyondAscii(headers)) {
            return headers;
        }
        HttpHeaders copy = new HttpHeaders();
        for (Map.Entry<String, List<String>> header : headers.headerSet()) {
            List<String> values = new ArrayList<>(header.getValue().size());
            header.getValue().forEach(value -> values.add(asUtf8(value)));
            copy.put(header.getKey(), values);
        }
        return copy;
    }

    private static boolean anyBeyondAscii(HttpHeaders headers) {
        for (Map.Entry<String, List<String>> header : headers.headerSet()) {
            for (String value : header.getValue()) {
                if (firstBeyondAscii(value) >= 0) {
                    return true;
                }
            }
        }
        return false;
    }

    static String asUtf8(String latin1) {
        int first = firstBeyondAscii(latin1);
        if (first < 0) {
            return latin1;
        }
        for (int i = first; i < latin1.length(); i++) {
            if (latin1.charAt(i) > 0xff) {
                return latin1;
            }
        }
        return PercentDecoding.utf8(latin1.getBytes(StandardCharsets.ISO_8859_1)).orElse(latin1);
    }

    /** Where the first character of {@code value} beyond ASCII is, or -1 (a loop: every request's headers pass here). */
    private static int firstBeyondAscii(String value) {
        for (int i = 0; i < value.length(); i++) {
            if (value.charAt(i) >= 0x80) {
                return i;
            }
        }
        return -1;
    }
}
