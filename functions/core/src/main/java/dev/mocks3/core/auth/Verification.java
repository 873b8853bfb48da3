package dev.mocks3.core.auth;

/**
 * What {@link SigV4Verifier} established about a request.
 *
 * @param accessKey the verified access key, or null for an anonymous request
 * @param contentSha256 the declared body SHA-256 (hex) in {@link PayloadMode#SIGNED_SINGLE}, else null
 * @param chunkSigner signs the chunks of a signed aws-chunked body, else null
 */
public record Verification(String accessKey, PayloadMode mode, String contentSha256, ChunkSigner chunkSigner) {

    public static Verification anonymous(PayloadMode mode, String contentSha256) {
        return new Verification(null, mode, mode == PayloadMode.SIGNED_SINGLE ? contentSha256 : null, null);
    }

    public boolean anonymous() {
        return accessKey == null;
    }
}
