package dev.mocks3.core.checksum;

import java.util.ArrayList;
import java.util.List;

import org.springframework.core.io.buffer.DataBuffer;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Passes a body through unchanged while digesting it, and ends it with the expected digest's
 * error instead of completion when a digest does not match. Nothing is buffered: a consumer
 * that stores the body must treat the error as "discard what you wrote".
 */
public record DigestCheck(List<ExpectedDigest> expected) {

    public static final DigestCheck NONE = new DigestCheck(List.of());

    public DigestCheck {
        expected = List.copyOf(expected);
    }

    public boolean isEmpty() {
        return expected.isEmpty();
    }

    public DigestCheck and(ExpectedDigest digest) {
        List<ExpectedDigest> more = new ArrayList<>(expected);
        more.add(digest);
        return new DigestCheck(more);
    }

    public Flux<DataBuffer> apply(Flux<DataBuffer> body) {
        if (expected.isEmpty()) {
            return body;
        }
        return Flux.defer(() -> {
            List<RunningChecksum> running = expected.stream().map(e -> e.algorithm().start()).toList();
            return body
                    .doOnNext(buffer -> running.forEach(checksum -> checksum.update(buffer)))
                    .concatWith(Mono.fromRunnable(() -> verify(running)));
        });
    }

    private void verify(List<RunningChecksum> running) {
        for (int i = 0; i < expected.size(); i++) {
            var error = expected.get(i).check(running.get(i).finish());
            if (error != null) {
                throw error;
            }
        }
    }
}
