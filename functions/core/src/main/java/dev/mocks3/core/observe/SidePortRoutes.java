package dev.mocks3.core.observe;

import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * Routes every API on a port of its own (the rules API, the drive) serves before its own:
 * {@code /metrics} and {@code /_mocks3/metrics} (Prometheus text) and {@code /_mocks3/ready}
 * (readiness), so that Prometheus and a Knative probe reach any instance on its one container port.
 */
@FunctionalInterface
public interface SidePortRoutes {

    RouterFunction<ServerResponse> routes();

    /** {@code routes} behind these, or {@code routes} alone when there are none. */
    static RouterFunction<ServerResponse> before(SidePortRoutes extra, RouterFunction<ServerResponse> routes) {
        return extra == null ? routes : extra.routes().and(routes);
    }
}
