package dev.mocks3.core.chunked;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;

import dev.mocks3.core.auth.ChunkSigner;
import dev.mocks3.core.checksum.BodyChecksum;
import dev.mocks3.core.checksum.ChecksumAlgorithm;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Decodes a {@code Content-Encoding: aws-chunked} body as it streams: chunk data passes through
 * as slices of the received buffers, while chunk signatures, the trailing checksum and the
 * decoded length are checked. A failed check ends the stream with the matching S3 error, so a
 * consumer that stores the body must discard what it wrote.
 */
public final class AwsChunkedDecoder {

    /**
     * @param signer verifies chunk signatures; null for unsigned chunks (signatures are then ignored)
     * @param signedTrailer whether the trailer carries an {@code x-amz-trailer-signature} to verify
     * @param trailerChecksum the checksum {@code x-amz-trailer} announces, or null
     * @param decodedLength {@code x-amz-decoded-content-length}, or -1 when not declared
     * @param declared told the trailer's checksum once it matched the body; null when no one asks
     */
    public record Settings(ChunkSigner signer, boolean signedTrailer, ChecksumAlgorithm trailerChecksum,
                           long decodedLength, BodyChecksum declared) {

        public Settings(ChunkSigner signer, boolean signedTrailer, ChecksumAlgorithm trailerChecksum, long decodedLength) {
            this(signer, signedTrailer, trailerChecksum, decodedLength, null);
        }
    }

    private final Settings settings;

    public AwsChunkedDecoder(Settings settings) {
        this.settings = settings;
    }

    public Flux<DataBuffer> decode(Flux<DataBuffer> encoded) {
        return Flux.defer(() -> {
            ChunkedBodyParser parser = new ChunkedBodyParser(settings);
            // Prefetch 1: read the next encoded buffer only when the previous one is passed on.
            return encoded.concatMapIterable(parser::feed, 1)
                    .concatWith(Mono.fromRunnable(parser::finish));
        }).doOnDiscard(DataBuffer.class, DataBufferUtils::release);
    }
}
