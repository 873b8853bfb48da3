package dev.mocks3.app.gateway;

import java.nio.channels.ClosedChannelException;

import reactor.netty.channel.AbortedException;

/**
 * A request that failed because its connection is gone (the client left, or the server closed it on
 * a timeout): there is nobody to answer and nothing went wrong inside MockS3.
 */
final class ClientGone {
    private ClientGone() {
    }

    static boolean causedBy(Throwable error) {
        return Causes.any(error, cause -> cause instanceof AbortedException || cause instanceof ClosedChannelException);
    }
}
