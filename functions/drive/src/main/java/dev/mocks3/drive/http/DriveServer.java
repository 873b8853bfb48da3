package dev.mocks3.drive.http;

import org.springframework.web.reactive.function.server.HandlerStrategies;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

import dev.mocks3.core.netty.PortServer;

/**
 * The drive API on its own port (8888, the document's gateway port) beside S3 on the
 * application's port.
 */
public final class DriveServer extends PortServer {

    public DriveServer(RouterFunction<ServerResponse> routes, String host, int port) {
        super("cloud drive API", "/usercenter/v1/user/login", RouterFunctions.toHttpHandler(routes, HandlerStrategies.withDefaults()),
                host, port);
    }
}
