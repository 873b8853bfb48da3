package dev.mocks3.core.metadata;

import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.commons.codec.DecoderException;
import org.apache.commons.codec.EncoderException;
import org.apache.commons.codec.net.BCodec;
import org.apache.commons.codec.net.QCodec;

/**
 * {@code x-amz-meta-*} values as S3 keeps them: a value made of RFC 2047 encoded words
 * ({@code =?UTF-8?B?...?=}, {@code =?UTF-8?Q?...?=}) is decoded before it is stored, and a stored
 * value with anything but printable US-ASCII is returned as one B-encoded UTF-8 word, mail-safe, as S3
 * answers it (a Q word would carry the value's spaces, which no encoded word may hold).
 */
public final class MetadataValues {
    private static final Pattern ENCODED_WORD = Pattern.compile("=\\?[^?\\s]+\\?([bBqQ])\\?[^?\\s]*\\?=");
    private static final Pattern ENCODED_WORDS = Pattern.compile(ENCODED_WORD.pattern() + "(\\s+" + ENCODED_WORD.pattern() + ")*");

    private MetadataValues() {
    }

    /** The value to store: the text of its encoded words when it is made of them, else as received. */
    public static String stored(String received) {
        String value = received.strip();
        if (!ENCODED_WORDS.matcher(value).matches()) {
            return received;
        }
        StringBuilder text = new StringBuilder(value.length());
        Matcher word = ENCODED_WORD.matcher(value);
        try {
            while (word.find()) {
                String encoded = word.group();
                text.append(word.group(1).equalsIgnoreCase("B") ? new BCodec().decode(encoded) : new QCodec().decode(encoded));
            }
        } catch (DecoderException | RuntimeException notDecodable) {
            return received;
        }
        return text.toString();
    }

    /** The value to send in a response header. */
    public static String mailSafe(String stored) {
        if (stored.chars().allMatch(c -> c >= 0x20 && c <= 0x7e)) {
            return stored;
        }
        try {
            return new BCodec(StandardCharsets.UTF_8).encode(stored);
        } catch (EncoderException e) {
            throw new IllegalStateException("UTF-8 encodes every string", e);
        }
    }
}
