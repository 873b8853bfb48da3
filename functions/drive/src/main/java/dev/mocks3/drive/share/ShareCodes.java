package dev.mocks3.drive.share;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Locale;
import java.util.regex.Pattern;

import dev.mocks3.drive.http.DriveError;

/**
 * Share keys (what a share's link names: 96 random bits, base64url) and extraction codes (4 letters
 * or digits, case-insensitive; generated ones avoid look-alikes: no 0/o, 1/l/i). All from a
 * {@link SecureRandom}.
 */
final class ShareCodes {
    private static final String CODE_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";
    private static final Pattern CODE = Pattern.compile("[a-z0-9]{4}");
    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9_-]{16}");
    private static final SecureRandom RANDOM = new SecureRandom();

    private ShareCodes() {
    }

    static String newKey() {
        byte[] bytes = new byte[12];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String newCode() {
        StringBuilder code = new StringBuilder(4);
        for (int i = 0; i < 4; i++) {
            code.append(CODE_ALPHABET.charAt(RANDOM.nextInt(CODE_ALPHABET.length())));
        }
        return code.toString();
    }

    /** A code as given by a user, in lower case; 400005 unless it is 4 ASCII letters or digits. */
    static String require(String code) {
        String lower = code.strip().toLowerCase(Locale.ROOT);
        if (!CODE.matcher(lower).matches()) {
            throw DriveError.INVALID_CODE.exception();
        }
        return lower;
    }

    /** A share key as given by a visitor; 100002 when it cannot be one. */
    static String requireKey(String key) {
        String stripped = key.strip();
        if (!KEY.matcher(stripped).matches()) {
            throw DriveError.BAD_REQUEST.exception("shareKey must be the 16 characters of a share's link");
        }
        return stripped;
    }

    /** Compares in constant time, so the answer's timing tells nothing of the code. */
    static boolean matches(String expected, String given) {
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII), given.getBytes(StandardCharsets.US_ASCII));
    }
}
