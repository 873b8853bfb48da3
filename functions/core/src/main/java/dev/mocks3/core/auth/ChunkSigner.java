package dev.mocks3.core.auth;

import java.nio.charset.StandardCharsets;

/**
 * Computes the signatures of a signed aws-chunked body: each chunk's signature chains from the
 * previous one, starting at the seed (the Authorization header's signature).
 */
public final class ChunkSigner {
    private final SigningKey key;
    private final String timestamp;
    private final String scope;
    private final String seedSignature;

    public ChunkSigner(SigningKey key, String timestamp, String scope, String seedSignature) {
        this.key = key;
        this.timestamp = timestamp;
        this.scope = scope;
        this.seedSignature = seedSignature;
    }

    public String seedSignature() {
        return seedSignature;
    }

    public String chunkSignature(String previousSignature, byte[] chunkSha256) {
        return key.sign(StringToSign.chunk(timestamp, scope, previousSignature, chunkSha256));
    }

    /** @param trailers the trailer lines as {@code name:value\n}, sorted by name, signature line excluded */
    public String trailerSignature(String previousSignature, String trailers) {
        byte[] hash = StringToSign.sha256(trailers.getBytes(StandardCharsets.UTF_8));
        return key.sign(StringToSign.trailer(timestamp, scope, previousSignature, hash));
    }

    public boolean chunkSignatureMatches(String previousSignature, byte[] chunkSha256, String provided) {
        return SigV4Verifier.matches(chunkSignature(previousSignature, chunkSha256), provided);
    }

    public boolean trailerSignatureMatches(String previousSignature, String trailers, String provided) {
        return SigV4Verifier.matches(trailerSignature(previousSignature, trailers), provided);
    }
}
