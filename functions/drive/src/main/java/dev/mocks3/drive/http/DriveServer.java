package dev.mocks3.drive.http;

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
 * The drive API on its own port (8888, the document's gateway port) beside S3 on the
 * application's port: a second Reactor Netty server in the same JVM, started after the S3 port.
 */
public final class DriveServer implements SmartLifecycle {
    private static final Logger log = LoggerFactory.getLogger(DriveServer.class);
    private final RouterFunction<ServerResponse> routes;
    private final String host;
    private final int requestedPort;
    private volatile DisposableServer server;

    public DriveServer(RouterFunction<ServerResponse> routes, String host, int port) {
        this.routes = routes;
        this.host = host;
        this.requestedPort = port;
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
                .handle(new ReactorHttpHandlerAdapter(handler)).bindNow(Duration.ofSeconds(10));
        log.info("cloud drive API on http://{}:{}/usercenter/v1/user/login", host, server.port());
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
