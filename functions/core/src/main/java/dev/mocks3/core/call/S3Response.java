package dev.mocks3.core.call;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpHeaders;

import reactor.core.publisher.Flux;

/** What an operation answers: status, headers and a streamed body. */
public record S3Response(int status, HttpHeaders headers, Flux<DataBuffer> body) {

    /**
     * Set to {@link #FROM_UPSTREAM} on a GET or HEAD answered from the bucket's upstream (the key was
     * not held locally): fault rules of {@code third-party-service} act on those answers only.
     */
    public static final String SOURCE_HEADER = "x-mocks3-source";
    public static final String FROM_UPSTREAM = "upstream";

    public static S3Response of(int status) {
        return new S3Response(status, new HttpHeaders(), Flux.empty());
    }

    public S3Response withBody(Flux<DataBuffer> newBody) {
        return new S3Response(status, headers, newBody);
    }

    public boolean fromUpstream() {
        return FROM_UPSTREAM.equals(headers.getFirst(SOURCE_HEADER));
    }

    public S3Response withStatus(int newStatus) {
        return new S3Response(newStatus, headers, body);
    }
}
