package dev.mocks3.app.gateway;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Locale;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.stereotype.Component;

import dev.mocks3.core.call.S3Request;
import dev.mocks3.core.error.S3Error;
import dev.mocks3.core.routing.PercentDecoding;
import dev.mocks3.core.routing.Target;
import io.netty.channel.Channel;
import reactor.core.publisher.Flux;
import reactor.netty.Connection;

/**
 * Turns an HTTP request into an {@link S3Request}: bucket from the host (virtual-hosted style,
 * {@code bucket.localhost:8080}) or from the first path segment (path-style), key decoded.
 */
@Component
public class S3RequestReader {
    static final int MAX_KEY_BYTES = 1024;
    private final GatewayProperties properties;

    public S3RequestReader(GatewayProperties properties) {
        this.properties = properties;
    }

    public S3Request read(ServerHttpRequest http, String requestId) {
        HttpHeaders headers = Utf8HeaderValues.of(http.getHeaders());
        String forwarded = properties.trustForwardedHost() ? headers.getFirst("X-Forwarded-Host") : null;
        if (forwarded != null && !forwarded.isBlank()) {
            // the client signed the host it sent, not the one the gateway rewrote it to
            headers = new HttpHeaders(new org.springframework.util.LinkedMultiValueMap<>(headers));
            headers.set(HttpHeaders.HOST, forwarded.split(",")[0].trim());
        }
        String host = headers.getFirst(HttpHeaders.HOST);
        String rawPath = http.getURI().getRawPath();
        if (rawPath == null || rawPath.isEmpty()) {
            rawPath = "/";
        }
        rawPath = UnescapedPathBytes.escaped(rawPath);
        String bucket = virtualHostedBucket(host);
        String key;
        String path = rawPath.substring(1);
        if (bucket == null) {
            int slash = path.indexOf('/');
            bucket = slash < 0 ? path : path.substring(0, slash);
            bucket = bucket.isEmpty() ? null : PercentDecoding.decode(bucket);
            key = slash < 0 ? null : PercentDecoding.decode(path.substring(slash + 1));
        } else {
            key = PercentDecoding.decode(path);
        }
        if (key != null && key.isEmpty()) {
            key = null;
        }
        if (key != null && key.indexOf('\0') >= 0) {
            // S3 stores it, but a PostgreSQL text column cannot hold NUL (nor can an XML listing)
            throw S3Error.INVALID_ARGUMENT.exception("Object keys containing the NUL character (%00) are not supported.")
                    .with("ArgumentName", "key");
        }
        if (key != null && key.getBytes(StandardCharsets.UTF_8).length > MAX_KEY_BYTES) {
            throw S3Error.KEY_TOO_LONG.exception().with("Size", Integer.toString(key.getBytes(StandardCharsets.UTF_8).length))
                    .with("MaxSizeAllowed", Integer.toString(MAX_KEY_BYTES));
        }
        return new S3Request(requestId, http.getMethod().name(), host, rawPath, http.getURI().getRawQuery(), bucket, key,
                http.getQueryParams(), headers, wholeBody(http), http.getRemoteAddress(), Instant.now());
    }

    /** The body, failing instead of ending early when the connection broke before all of it arrived. */
    private static Flux<DataBuffer> wholeBody(ServerHttpRequest http) {
        return RequestBodyWatch.whole(http.getBody(), channelOf(http), http.getHeaders().getContentLength());
    }

    private static Channel channelOf(ServerHttpRequest http) {
        try {
            return ServerHttpRequestDecorator.getNativeRequest(http) instanceof Connection connection ? connection.channel() : null;
        } catch (IllegalStateException e) {
            return null; // a request built without a server (module tests) has no connection
        }
    }

    public static Target target(S3Request request) {
        if (request.bucket() == null) {
            return Target.SERVICE;
        }
        return request.key() == null ? Target.BUCKET : Target.OBJECT;
    }

    private String virtualHostedBucket(String host) {
        if (host == null) {
            return null;
        }
        String name = host.toLowerCase(Locale.ROOT);
        int colon = name.lastIndexOf(':');
        if (colon > 0 && name.indexOf(']') < colon) {
            name = name.substring(0, colon);
        }
        for (String domain : properties.domains()) {
            String suffix = "." + domain;
            if (name.endsWith(suffix) && name.length() > suffix.length()) {
                return name.substring(0, name.length() - suffix.length());
            }
        }
        return null;
    }
}
