package dev.mocks3.app.gateway;

import java.time.Duration;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

import reactor.core.publisher.Mono;

/** {@code GET /health}: 200 when PostgreSQL answers, 503 otherwise. */
@Configuration(proxyBeanMethods = false)
public class HealthRoute {

    @Bean
    RouterFunction<ServerResponse> healthRouterFunction(DatabaseClient db) {
        return RouterFunctions.route().GET("/health", request -> db.sql("select 1").map(row -> 1).one()
                .timeout(Duration.ofSeconds(2))
                .flatMap(ok -> ServerResponse.ok().contentType(MediaType.APPLICATION_JSON)
                        .bodyValue("{\"status\":\"UP\",\"service\":\"mocks3\"}"))
                .onErrorResume(e -> ServerResponse.status(503).contentType(MediaType.APPLICATION_JSON)
                        .bodyValue("{\"status\":\"DOWN\",\"reason\":\"" + e.getClass().getSimpleName() + "\"}"))
                .switchIfEmpty(Mono.defer(() -> ServerResponse.status(503).build()))).build();
    }
}
