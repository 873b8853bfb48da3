package dev.mocks3.core.netty;

import java.net.InetSocketAddress;
import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.http.server.reactive.HttpHandler;
import org.springframework.http.server.reactive.ReactorHttpHandlerAdapter;

import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

/**
 * An API on a port of its own beside S3 on the application's port (the rules API, the drive): a
 * second Reactor Netty server in the same JVM, started and stopped with the application context.
 * A negative port means no server; {@link #port()} tells the port actually bound (for port 0).
 */
public class PortServer implements SmartLifecycle {
    private static final Logger log = LoggerFactory.getLogger(PortServer.class);
    private final String name;
    private final String path;
    private final HttpHandler handler;
    private final String host;
    private final int requestedPort;
    private volatile DisposableServer server;

    /**
     * @param name what the log line calls it, e.g. "fault rules API"
     * @param path the path the log line shows, e.g. "/api/v1/rules"
     */
    protected PortServer(String name, String path, HttpHandler handler, String host, int port) {
        this.name = name;
        this.path = path;
        this.handler = handler;
        this.host = host;
        this.requestedPort = port;
    }

    /** The address the server listens on, or null when it is not running. */
    public InetSocketAddress boundAddress() {
        DisposableServer s = server;
        return s == null ? null : (InetSocketAddress) s.address();
    }

    /** The bound port, or -1 when the server is not running. */
    public int port() {
        DisposableServer s = server;
        return s == null ? -1 : s.port();
    }

    @Override
    public void start() {
        if (requestedPort < 0 || server != null) {
            return;
        }
        server = ResumeReadingAfterResponse.on(HttpServer.create()).host(host).port(requestedPort)
                .handle(new ReactorHttpHandlerAdapter(handler))
                .bindNow(Duration.ofSeconds(10));
        log.info("{} on http://{}:{}{}", name, host, server.port(), path);
    }

    @Override
    public void stop() {
        DisposableServer s = server;
        server = null;
        if (s != null) {
            s.disposeNow(Duration.ofSeconds(5));
        }
    }

    @Override
    public boolean isRunning() {
        return server != null;
    }
}
