package dev.mocks3.core.netty;

import java.util.concurrent.atomic.AtomicInteger;

import dev.mocks3.core.error.S3Error;
import reactor.netty.NettyPipeline;
import reactor.netty.http.server.HttpServer;

/**
 * The S3 port's connection rules: at most {@code maxConnections} open at once (the others are told
 * 503 SlowDown, which SDKs retry), and an {@link ExchangeWatch} on every HTTP/1.1 connection.
 */
public final class S3Connections {
    private S3Connections() {
    }

    public static HttpServer on(HttpServer server, ConnectionSettings settings) {
        AtomicInteger open = new AtomicInteger();
        return server.doOnChannelInit((observer, channel, address) -> {
            int count = open.incrementAndGet();
            channel.closeFuture().addListener(closed -> open.decrementAndGet());
            if (channel.pipeline().get(NettyPipeline.HttpCodec) == null) {
                return;
            }
            ExchangeWatch watch = ExchangeWatch.install(channel, settings);
            if (count > settings.maxConnections()) {
                watch.turnAway(S3Error.SLOW_DOWN.exception());
            }
        });
    }
}
