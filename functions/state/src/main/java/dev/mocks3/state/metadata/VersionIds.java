package dev.mocks3.state.metadata;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.regex.Pattern;

/**
 * Version ids: 32 URL-safe characters, opaque and unguessable as S3's are, so they can be put in a
 * query string unescaped. {@code null} names the null version.
 */
public final class VersionIds {
    public static final String NULL = "null";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Pattern SHAPE = Pattern.compile("[A-Za-z0-9_-]{32}");

    private VersionIds() {
    }

    public static String next() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** True for {@code null} and for ids this store could have made; anything else S3 refuses as invalid. */
    public static boolean isWellFormed(String id) {
        return NULL.equals(id) || id != null && SHAPE.matcher(id).matches();
    }
}
