package dev.mocks3.core.netty;

import java.time.Duration;

/**
 * How long a connection may keep the server waiting, and how many may be open at once.
 *
 * @param idleTimeout       no request under way (a fresh or keep-alive connection): closed silently
 * @param headerReadTimeout from the first byte of a request to the end of its headers
 * @param bodyReadTimeout   the longest wait for more body bytes while the server is ready to read them
 * @param maxConnections    connections beyond this are answered 503 SlowDown and closed
 */
public record ConnectionSettings(Duration idleTimeout, Duration headerReadTimeout, Duration bodyReadTimeout,
                                 int maxConnections) {
}
