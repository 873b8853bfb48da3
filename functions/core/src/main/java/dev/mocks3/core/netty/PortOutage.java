package dev.mocks3.core.netty;

import java.time.Duration;

import io.netty.channel.Channel;
import io.netty.channel.ChannelOption;
import reactor.netty.http.server.HttpServer;

/**
 * A {@code down} fault on the S3 port: for a window every new connection is reset as soon as it is
 * accepted (the client reads "connection reset by peer"), then the port serves again.
 */
public final class PortOutage {
    private volatile long downUntilNanos = System.nanoTime();

    /** Drops new connections for {@code window} from now (extends a window under way, never shortens it). */
    public void down(Duration window) {
        long until = System.nanoTime() + window.toNanos();
        synchronized (this) {
            if (until - downUntilNanos > 0) {
                downUntilNanos = until;
            }
        }
    }

    public boolean isDown() {
        return downUntilNanos - System.nanoTime() > 0;
    }

    /** Resets connections accepted while the port is down. */
    public HttpServer on(HttpServer server) {
        return server.doOnChannelInit((observer, channel, address) -> {
            if (isDown()) {
                reset(channel);
            }
        });
    }

    /** Closes with a TCP RST rather than a FIN: SO_LINGER 0 makes close() abort the connection. */
    public static void reset(Channel channel) {
        try {
            channel.config().setOption(ChannelOption.SO_LINGER, 0);
        } catch (RuntimeException e) {
            // a channel that has no linger option (not TCP) is closed plainly
        }
        channel.close();
    }
}
