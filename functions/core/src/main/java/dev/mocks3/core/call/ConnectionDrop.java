package dev.mocks3.core.call;

import java.time.Duration;

/**
 * Raised by a stage that wants the client's connection closed abruptly instead of answered
 * (a {@code reset}, {@code timeout} or {@code down} fault). The dispatcher closes the socket without
 * writing a response; raised from inside a response body, it cuts the body short.
 * A {@link #reset} sends a TCP RST (the client reads "connection reset by peer") instead of a clean
 * close; a {@link #down} also drops every new connection to the port for a while.
 */
public final class ConnectionDrop extends RuntimeException {
    private final boolean reset;
    private final Duration downFor;

    /** A clean close (FIN): the client reads end of stream. */
    public ConnectionDrop(String reason) {
        this(reason, false, null);
    }

    private ConnectionDrop(String reason, boolean reset, Duration downFor) {
        super(reason, null, false, false);
        this.reset = reset;
        this.downFor = downFor;
    }

    /** A TCP reset (RST, SO_LINGER 0). */
    public static ConnectionDrop reset(String reason) {
        return new ConnectionDrop(reason, true, null);
    }

    /** A TCP reset, and the port drops every new connection with a reset for {@code window}. */
    public static ConnectionDrop down(String reason, Duration window) {
        return new ConnectionDrop(reason, true, window);
    }

    public boolean reset() {
        return reset;
    }

    /** How long the port stays down after this drop, or null. */
    public Duration downFor() {
        return downFor;
    }
}
