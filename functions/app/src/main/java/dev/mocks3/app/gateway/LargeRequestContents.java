package dev.mocks3.app.gateway;

import org.springframework.boot.web.embedded.netty.NettyReactiveWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;

import io.netty.channel.AdaptiveRecvByteBufAllocator;
import io.netty.channel.ChannelOption;
import reactor.netty.http.server.HttpRequestDecoderSpec;
import reactor.netty.http.server.HttpServer;

/**
 * Lets a large request body cross the event loop and the reactive chain in few, large pieces. The socket
 * is read into buffers that grow up to {@link #MAX_READ} while reads keep filling them (Netty's default
 * stops at 64 KiB; small requests still start at 2 KiB), and the HTTP decoder passes on what was read in
 * pieces of up to {@link #MAX_CONTENT} instead of Netty's 8 KiB: a 1 GiB PUT arrives as about 4,100
 * buffers instead of 131,072. The pieces are slices of what was read, never copies; an upload holds at most
 * two read buffers (one being staged, one read while reading waits), 512 KiB of direct memory. It runs after
 * Spring Boot's own decoder settings (header and initial-line limits) and keeps them.
 */
final class LargeRequestContents implements WebServerFactoryCustomizer<NettyReactiveWebServerFactory>, Ordered {
    static final int MAX_CONTENT = 1024 * 1024;
    /** A read's largest buffer: four times fewer reads than Netty's 64 KiB, at most two such buffers per upload in flight. */
    static final int MAX_READ = 256 * 1024;

    @Override
    public void customize(NettyReactiveWebServerFactory factory) {
        factory.addServerCustomizers(LargeRequestContents::on);
    }

    static HttpServer on(HttpServer server) {
        HttpRequestDecoderSpec current = server.configuration().decoder();
        return server.childOption(ChannelOption.RCVBUF_ALLOCATOR, new AdaptiveRecvByteBufAllocator(64, 2048, MAX_READ))
                .httpRequestDecoder(spec -> spec
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
