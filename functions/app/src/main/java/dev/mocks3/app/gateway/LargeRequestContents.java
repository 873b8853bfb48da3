package dev.mocks3.app.gateway;

import org.springframework.boot.web.embedded.netty.NettyReactiveWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;

import reactor.netty.http.server.HttpRequestDecoderSpec;
import reactor.netty.http.server.HttpServer;

/**
 * Lets the HTTP decoder pass a request body on in the pieces the socket delivers (up to
 * {@link #MAX_CONTENT} bytes) instead of Netty's 8 KiB: a 1 GiB PUT then crosses the event loop and the
 * reactive chain as about 16,000 buffers instead of 131,072. The pieces are slices of what was read,
 * never copies, so this holds no more memory. It runs after Spring Boot's own decoder settings (header
 * and initial-line limits) and keeps them.
 */
final class LargeRequestContents implements WebServerFactoryCustomizer<NettyReactiveWebServerFactory>, Ordered {
    static final int MAX_CONTENT = 1024 * 1024;

    @Override
    public void customize(NettyReactiveWebServerFactory factory) {
        factory.addServerCustomizers(LargeRequestContents::on);
    }

    static HttpServer on(HttpServer server) {
        HttpRequestDecoderSpec current = server.configuration().decoder();
        return server.httpRequestDecoder(spec -> spec
                .maxInitialLineLength(current.maxInitialLineLength())
                .maxHeaderSize(current.maxHeaderSize())
                .validateHeaders(current.validateHeaders())
                .initialBufferSize(current.initialBufferSize())
                .allowDuplicateContentLengths(current.allowDuplicateContentLengths())
                .allowPartialChunks(current.allowPartialChunks())
                .h2cMaxContentLength(current.h2cMaxContentLength())
                .maxChunkSize(Math.max(current.maxChunkSize(), MAX_CONTENT)));
    }

    /** After Spring Boot's {@code NettyReactiveWebServerFactoryCustomizer} (order 0), which sets a fresh decoder. */
    @Override
    public int getOrder() {
        return 1;
    }
}
