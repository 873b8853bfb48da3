package dev.mocks3.core.call;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpHeaders;

import reactor.core.publisher.Flux;

/** What an operation answers: status, headers and a streamed body. */
public record S3Response(int status, HttpHeaders headers, Flux<DataBuffer> body) {

    public static S3Response of(int status) {
        return new S3Response(status, new HttpHeaders(), Flux.empty());
    }

    public S3Response withBody(Flux<DataBuffer> newBody) {
        return new S3Response(status, headers, newBody);
    }

    public S3Response withStatus(int newStatus) {
        return new S3Response(newStatus, headers, body);
    }
}
