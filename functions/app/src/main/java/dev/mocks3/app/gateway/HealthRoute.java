package dev.mocks3.app.gateway;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.HandlerFunction;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

import reactor.core.publisher.Mono;

/**
 * {@code GET /_mocks3/health} (and {@code GET /health}, as before): every dependency probed now,
 * 200 when all answer, 503 otherwise, with each one's state in the JSON body.
 * {@code GET /_mocks3/ready}: the readiness the Knative probes ask, 503 while PostgreSQL or Redis
 * cannot be reached (the same answer on the rules API's and the drive's ports).
 */
@Configuration(proxyBeanMethods = false)
public class HealthRoute {
    public static final String READY_PATH = "/_mocks3/ready";
    private static final List<String> READINESS = List.of(DependencyProbes.POSTGRES, DependencyProbes.REDIS);

    @Bean
    RouterFunction<ServerResponse> healthRouterFunction(DependencyProbes probes) {
        HandlerFunction<ServerResponse> health = request -> probes.check(probes.names()).flatMap(HealthRoute::answer);
        return RouterFunctions.route().GET("/_mocks3/health", health).GET("/health", health)
                .add(readiness(probes)).build();
    }

    /** {@code GET /_mocks3/ready} alone, for every port. */
    public static RouterFunction<ServerResponse> readiness(DependencyProbes probes) {
        return RouterFunctions.route().GET(READY_PATH, request -> probes.check(READINESS).flatMap(HealthRoute::answer)).build();
    }

    private static Mono<ServerResponse> answer(Map<String, Map<String, String>> byName) {
        boolean up = DependencyProbes.allUp(byName);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", up ? "UP" : "DOWN");
        body.put("service", "mocks3");
        body.put("dependencies", byName);
        return ServerResponse.status(up ? 200 : 503).contentType(MediaType.APPLICATION_JSON).bodyValue(body);
    }
}
