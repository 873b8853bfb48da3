package dev.mocks3.faults.api;

import org.springframework.web.reactive.function.server.HandlerStrategies;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

import dev.mocks3.core.netty.PortServer;

/**
 * The rules API on its own port (8085 by default, like the seed's Mock Error Service) while S3
 * is served on the application's port. {@link #port()} tells the port actually bound (for
 * {@code mocks3.faults.api-port=0}).
 */
public final class FaultsApiServer extends PortServer {

    public FaultsApiServer(RouterFunction<ServerResponse> routes, String host, int port) {
        super("fault rules API", "/api/v1/rules", RouterFunctions.toHttpHandler(routes, HandlerStrategies.withDefaults()),
                host, port);
    }
}
