package dev.mocks3.local.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/** Picks a TCP port on 127.0.0.1 that nothing listens on right now. */
public final class FreePort {

    private FreePort() {
    }

    /** A port the kernel considers free; another process may still take it before we bind it. */
    public static int pick() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free TCP port on 127.0.0.1", e);
        }
    }

    /** The requested port, or a free one when the request is 0. */
    public static int pickIfZero(int requested) {
        if (requested < 0 || requested > 65_535) {
            throw new IllegalArgumentException("not a TCP port: " + requested);
        }
        return requested == 0 ? pick() : requested;
    }
}
