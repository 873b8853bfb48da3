package dev.mocks3.core.netty;

import io.netty.channel.ChannelHandler;
import reactor.netty.NettyPipeline;
import reactor.netty.http.server.HttpServer;

/** Puts a handler right behind the HTTP/1.1 codec of every connection a server accepts. */
public final class AfterHttpCodec {
    private AfterHttpCodec() {
    }

    public static HttpServer add(HttpServer server, String name, ChannelHandler handler) {
        return server.doOnChannelInit((observer, channel, address) -> {
            if (channel.pipeline().get(NettyPipeline.HttpCodec) != null) {
                channel.pipeline().addAfter(NettyPipeline.HttpCodec, name, handler);
            }
        });
    }
}
