package dev.mocks3.core.call;

import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.List;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpHeaders;
import org.springframework.util.MultiValueMap;

import reactor.core.publisher.Flux;

/**
 * An S3 request as the functions see it: already split into bucket and key (path-style or
 * virtual-hosted), query decoded, body still a stream.
 *
 * @param rawPath the request path as sent, still percent-encoded (SigV4 signs it)
 * @param rawQuery the query string as sent, or null
 */
public record S3Request(
        String requestId,
        String method,
        String host,
        String rawPath,
        String rawQuery,
        String bucket,
        String key,
        MultiValueMap<String, String> query,
        HttpHeaders headers,
        Flux<DataBuffer> body,
        InetSocketAddress remoteAddress,
        Instant receivedAt) {

    public String queryParam(String name) {
        List<String> values = query.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    public boolean hasQuery(String name) {
        return query.containsKey(name);
    }

    public String header(String name) {
        return headers.getFirst(name);
    }

    /** Content-Length as declared, or -1. */
    public long contentLength() {
        return headers.getContentLength();
    }

    public S3Request withBody(Flux<DataBuffer> newBody) {
        return new S3Request(requestId, method, host, rawPath, rawQuery, bucket, key, query, headers, newBody,
                remoteAddress, receivedAt);
    }

    public S3Request withHeaders(HttpHeaders newHeaders) {
        return new S3Request(requestId, method, host, rawPath, rawQuery, bucket, key, query, newHeaders, body,
                remoteAddress, receivedAt);
    }

    /** The S3 resource the request names, as used in error documents. */
    public String resource() {
        if (bucket == null) {
            return "/";
        }
        return key == null ? "/" + bucket : "/" + bucket + "/" + key;
    }
}
