package dev.mocks3.core.call;

/**
 * Raised by a stage that wants the client's connection closed abruptly instead of answered
 * (a {@code reset} or {@code timeout} fault). The dispatcher closes the socket without writing
 * a response; raised from inside a response body, it cuts the body short.
 */
public final class ConnectionDrop extends RuntimeException {
    public ConnectionDrop(String reason) {
        super(reason, null, false, false);
    }
}
