package dev.mocks3.s3.encryption;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

import org.springframework.http.HttpHeaders;

import dev.mocks3.core.error.S3Error;

/**
 * An SSE-C key as a request gives it ({@code x-amz-server-side-encryption-customer-*}, or with the
 * {@code x-amz-copy-source-} prefix for a copy's source), checked against its MD5. Only a salted
 * SHA-256 of it is ever stored ({@link #hash()}), never the key.
 */
public record CustomerKey(byte[] key, String keyMd5) {
    static final String ALGORITHM = "server-side-encryption-customer-algorithm";
    static final String KEY = "server-side-encryption-customer-key";
    static final String KEY_MD5 = "server-side-encryption-customer-key-MD5";
    private static final SecureRandom RANDOM = new SecureRandom();

    /** The key the request names with this prefix ({@code x-amz-} or {@code x-amz-copy-source-}), or null when it names none. */
    static CustomerKey from(HttpHeaders headers, String prefix) {
        String algorithm = headers.getFirst(prefix + ALGORITHM);
        String key = headers.getFirst(prefix + KEY);
        String md5 = headers.getFirst(prefix + KEY_MD5);
        if (algorithm == null && key == null && md5 == null) {
            return null;
        }
        if (algorithm == null) {
            throw S3Error.INVALID_ARGUMENT.exception("Requests specifying Server Side Encryption with Customer provided keys "
                    + "must provide a valid encryption algorithm.").with("ArgumentName", prefix + ALGORITHM);
        }
        if (!"AES256".equals(algorithm)) {
            throw S3Error.INVALID_ENCRYPTION_ALGORITHM.exception().with("ArgumentName", prefix + ALGORITHM)
                    .with("ArgumentValue", algorithm);
        }
        if (key == null) {
            throw S3Error.INVALID_ARGUMENT.exception("Requests specifying Server Side Encryption with Customer provided keys "
                    + "must provide an appropriate secret key.").with("ArgumentName", prefix + KEY);
        }
        byte[] decoded = base64(key);
        if (decoded == null || decoded.length != 32) {
            throw S3Error.INVALID_ARGUMENT.exception("The secret key was invalid for the specified algorithm.")
                    .with("ArgumentName", prefix + KEY);
        }
        if (md5 == null) {
            throw S3Error.INVALID_ARGUMENT.exception("Requests specifying Server Side Encryption with Customer provided keys "
                    + "must provide the client calculated MD5 of the secret key.").with("ArgumentName", prefix + KEY_MD5);
        }
        String computed = Base64.getEncoder().encodeToString(digest("MD5", decoded));
        if (!computed.equals(md5.strip())) {
            throw S3Error.INVALID_ARGUMENT.exception("The calculated MD5 hash of the key did not match the hash that was provided.")
                    .with("ArgumentName", prefix + KEY_MD5);
        }
        return new CustomerKey(decoded, computed);
    }

    /** {@code salt:sha256(salt || key)}, both base64: what is stored to recognise the key later. */
    String hash() {
        byte[] salt = new byte[16];
        RANDOM.nextBytes(salt);
        return hash(salt);
    }

    /** True when this is the key {@code stored} (a {@link #hash()}) was made from. */
    boolean matches(String stored) {
        int colon = stored.indexOf(':');
        byte[] salt = base64(stored.substring(0, colon));
        return salt != null && MessageDigest.isEqual(hash(salt).getBytes(StandardCharsets.US_ASCII),
                stored.getBytes(StandardCharsets.US_ASCII));
    }

    private String hash(byte[] salt) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update(salt);
            sha256.update(key);
            Base64.Encoder b64 = Base64.getEncoder();
            return b64.encodeToString(salt) + ":" + b64.encodeToString(sha256.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] digest(String algorithm, byte[] bytes) {
        try {
            return MessageDigest.getInstance(algorithm).digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] base64(String text) {
        try {
            return Base64.getDecoder().decode(text.strip());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
