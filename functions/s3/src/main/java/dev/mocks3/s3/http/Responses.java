package dev.mocks3.s3.http;

import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.HttpHeaders;

import dev.mocks3.core.call.S3Response;
import reactor.core.publisher.Flux;

/** Small S3 responses: an XML document, or headers only. */
public final class Responses {
    private Responses() {
    }

    public static S3Response xml(int status, byte[] document) {
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.CONTENT_TYPE, "application/xml");
        headers.setContentLength(document.length);
        return new S3Response(status, headers, Flux.just(DefaultDataBufferFactory.sharedInstance.wrap(document)));
    }

    public static S3Response xml(byte[] document) {
        return xml(200, document);
    }

    public static S3Response empty(int status) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentLength(0);
        return new S3Response(status, headers, Flux.empty());
    }
}
