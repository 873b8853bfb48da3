package dev.mocks3.faults.api;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.http.server.reactive.HttpHandler;
import org.springframework.http.server.reactive.ReactorHttpHandlerAdapter;
import org.springframework.web.reactive.function.server.HandlerStrategies;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

import dev.mocks3.core.netty.ResumeReadingAfterResponse;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

/**
 * The rules API on its own port (8085 by default, like the seed's Mock Error Service) while S3
 * is served on the application's port: a second Reactor Netty server in the same JVM.
 * {@link #port()} tells the port actually bound (for {@code mocks3.faults.api-port=0}).
 */
public final class FaultsApiServer implements SmartLifecycle {
    private static final Logger log = LoggerFactory.getLogger(FaultsApiServer.class);
    private final RouterFunction<ServerResponse> routes;
    private final String host;
    private final int requestedPort;
    private volatile DisposableServer server;

    public FaultsApiServer(RouterFunction<ServerResponse> routes, String host, int port) {
        this.routes = routes;
        this.host = host;
        this.requestedPort = port;
    }

    /** The address the server listens on, or null when it is not running. */
    public java.net.InetSocketAddress boundAddress() {
        DisposableServer s = server;
        return s == null ? null : (java.net.InetSocketAddress) s.address();
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
        HttpHandler handler = RouterFunctions.toHttpHandler(routes, HandlerStrategies.withDefaults());
        server = ResumeReadingAfterResponse.on(HttpServer.create()).host(host).port(requestedPort)
                .handle(new ReactorHttpHandlerAdapter(handler))
                .bindNow(Duration.ofSeconds(10));
        log.info("fault rules API on http://{}:{}/api/v1/rules", host, server.port());
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
