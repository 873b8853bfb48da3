package dev.mocks3.core.netty;

import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.LastHttpContent;
import reactor.netty.http.server.HttpServer;

/**
 * Makes sure a keep-alive connection asks for its next request once a response is complete.
 * <p>
 * Reactor Netty (1.2.18 and 1.3.7 alike) reads HTTP/1.1 connections on demand and can forget to
 * ask again: when a request arrives before the previous exchange has terminated, it is queued, and
 * when that queued request is then answered without any I/O (an injected error, a signature
 * refused) the queue drains without a new read. The connection then sits idle with the client's
 * next request unread until the client gives up (reactor/reactor-netty#4361). This handler sees
 * the last part of every response go out and then asks the channel to read; a read asked for while
 * one is already pending changes nothing, and a request read early is queued by Reactor Netty as
 * any pipelined request is.
 */
@ChannelHandler.Sharable
public final class ResumeReadingAfterResponse extends ChannelOutboundHandlerAdapter {
    private static final ResumeReadingAfterResponse INSTANCE = new ResumeReadingAfterResponse();

    private ResumeReadingAfterResponse() {
    }

    /** The server, with this handler on every HTTP/1.1 connection it accepts. */
    public static HttpServer on(HttpServer server) {
        return AfterHttpCodec.add(server, "mocks3.resumeReadingAfterResponse", INSTANCE);
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
        if (msg instanceof LastHttpContent) {
            // a task of its own: it runs after the one finishing this exchange, queue draining included
            Channel channel = ctx.channel();
            channel.eventLoop().execute(() -> {
                if (channel.isActive()) {
                    channel.read();
                }
            });
        }
        ctx.write(msg, promise);
    }
}
