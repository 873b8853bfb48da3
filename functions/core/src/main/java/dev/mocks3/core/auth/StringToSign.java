package dev.mocks3.core.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** The three kinds of SigV4 string to sign: the request, one aws-chunked chunk, the trailer. */
final class StringToSign {
    static final String ALGORITHM = "AWS4-HMAC-SHA256";
    static final String EMPTY_SHA256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

    private StringToSign() {
    }

    static String request(String timestamp, String scope, String canonicalRequest) {
        return ALGORITHM + "\n" + timestamp + "\n" + scope + "\n"
                + sha256Hex(canonicalRequest.getBytes(StandardCharsets.UTF_8));
    }

    static String chunk(String timestamp, String scope, String previousSignature, byte[] chunkSha256) {
        return ALGORITHM + "-PAYLOAD\n" + timestamp + "\n" + scope + "\n" + previousSignature + "\n"
                + EMPTY_SHA256 + "\n" + HexFormat.of().formatHex(chunkSha256);
    }

    static String trailer(String timestamp, String scope, String previousSignature, byte[] trailerSha256) {
        return ALGORITHM + "-TRAILER\n" + timestamp + "\n" + scope + "\n" + previousSignature + "\n"
                + HexFormat.of().formatHex(trailerSha256);
    }

    static String sha256Hex(byte[] bytes) {
        return HexFormat.of().formatHex(sha256(bytes));
    }

    static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK ships SHA-256", e);
        }
    }
}
