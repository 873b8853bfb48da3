package dev.mocks3.core.routing;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

import dev.mocks3.core.error.S3Error;

/**
 * The one percent-decoder: %XX escapes as UTF-8, for paths (where '+' stays a plus) and for query
 * components (where clients may send a space as '+'). A malformed escape, or bytes that are not
 * UTF-8, are refused as S3 refuses them (400 InvalidURI) instead of becoming U+FFFD, which would
 * make {@code %FF}, {@code %ED%A0%80} and {@code %EF%BF%BD} one and the same key.
 */
public final class PercentDecoding {
    private PercentDecoding() {
    }

    /** A path, or a segment of one: '+' is a plus. */
    public static String decode(String text) {
        return decode(text, false);
    }

    /** A query parameter's name or value: '+' is a space. */
    public static String decodeQueryComponent(String text) {
        return decode(text, true);
    }

    private static String decode(String text, boolean plusIsSpace) {
        if (text.indexOf('%') < 0 && (!plusIsSpace || text.indexOf('+') < 0)) {
            return text;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '%') {
                if (i + 2 >= text.length()) {
                    throw S3Error.INVALID_URI.exception();
                }
                int hi = Character.digit(text.charAt(i + 1), 16);
                int lo = Character.digit(text.charAt(i + 2), 16);
                if (hi < 0 || lo < 0) {
                    throw S3Error.INVALID_URI.exception();
                }
                out.write(hi << 4 | lo);
                i += 2;
            } else if (c == '+' && plusIsSpace) {
                out.write(' ');
            } else {
                byte[] bytes = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                if (Character.isHighSurrogate(c) && i + 1 < text.length()) {
                    bytes = text.substring(i, i + 2).getBytes(StandardCharsets.UTF_8);
                    i++;
                }
                out.write(bytes, 0, bytes.length);
            }
        }
        return strictUtf8(out.toByteArray());
    }

    private static String strictUtf8(byte[] bytes) {
        return utf8(bytes).orElseThrow(S3Error.INVALID_URI::exception);
    }

    /** The text the bytes spell in UTF-8, or empty when they are no valid UTF-8. */
    public static Optional<String> utf8(byte[] bytes) {
        try {
            return Optional.of(StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString());
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }
}
