package dev.mocks3.core.checksum;

import org.springframework.core.io.buffer.DataBuffer;

import reactor.core.publisher.Flux;

/**
 * Computes one checksum over a body as it passes, for the checksums S3 computes itself (a part whose
 * upload asked for an algorithm the client did not send, a copy that names a new algorithm). Only
 * used where a checksum was asked for: nothing is computed on the plain PUT path.
 */
public final class DigestingBody {
    private final ChecksumAlgorithm algorithm;
    private final RunningChecksum running;

    public DigestingBody(ChecksumAlgorithm algorithm) {
        this.algorithm = algorithm;
        this.running = algorithm.start();
    }

    /** The body, digested as it is read; subscribe to it once. */
    public Flux<DataBuffer> apply(Flux<DataBuffer> body) {
        return body.doOnNext(running::update);
    }

    /** The checksum (base64) of what passed, once the body has ended. */
    public String base64() {
        return algorithm.base64(running.finish());
    }
}
