package dev.mocks3.core.auth;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.regex.Pattern;

/**
 * The 12-digit AWS account id MockS3 gives an access key, for {@code x-amz-expected-bucket-owner}:
 * a key that is itself 12 digits is its own account id; any other key gets the first 8 bytes of
 * SHA-256(key), unsigned, modulo 10^12, zero-padded. Stable across restarts and instances.
 */
public final class AccountId {
    private static final Pattern TWELVE_DIGITS = Pattern.compile("\\d{12}");

    private AccountId() {
    }

    public static String of(String accessKey) {
        String key = accessKey == null ? "" : accessKey;
        if (TWELVE_DIGITS.matcher(key).matches()) {
            return key;
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            long value = ByteBuffer.wrap(digest, 0, Long.BYTES).getLong();
            return String.format("%012d", Long.remainderUnsigned(value, 1_000_000_000_000L));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK ships SHA-256", e);
        }
    }
}
