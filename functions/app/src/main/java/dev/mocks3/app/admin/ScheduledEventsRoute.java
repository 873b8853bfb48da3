package dev.mocks3.app.admin;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.convert.DurationStyle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;

import dev.mocks3.core.auth.AccessKeys;
import dev.mocks3.events.EventJson;
import dev.mocks3.faults.api.ApiAccess;
import dev.mocks3.state.outbox.Outbox;
import dev.mocks3.state.outbox.ScheduledEvents;
import io.cloudevents.spring.http.CloudEventHttpUtils;
import reactor.core.publisher.Mono;

/**
 * {@code /_mocks3/jobs/scheduled}: the events of the outbox not delivered yet (delayed jobs, and
 * notifications waiting for their next attempt or given up), and cancelling one. {@code POST}
 * schedules a CloudEvent (binary or structured mode) for {@code ?due=<instant>} or {@code ?delay=<duration>}.
 * Guarded as the rules API is: SigV4 with an S3 key or the bearer token when strict mode is on.
 */
@Configuration(proxyBeanMethods = false)
public class ScheduledEventsRoute {
    private static final String PATH = "/_mocks3/jobs/scheduled";
    private static final int DEFAULT_LIMIT = 100;

    @Bean
    RouterFunction<ServerResponse> scheduledEventsRouterFunction(ScheduledEvents scheduled, Outbox outbox,
                                                                 ObjectProvider<AccessKeys> keys, Environment env) {
        ApiAccess access = ApiAccess.of(keys.getIfAvailable(AccessKeys::defaults),
                env.getProperty("mocks3.faults.api-token"), env.getProperty("mocks3.faults.api-auth", "auto"),
                env.getProperty("mocks3.auth.strict", Boolean.class, false), env.getProperty("server.address", "0.0.0.0"));
        return access.guard(RouterFunctions.route()
                .GET(PATH, request -> list(scheduled, request))
                .GET(PATH + "/{id}", request -> scheduled.find(request.pathVariable("id"))
                        .flatMap(entry -> json(200, render(entry)))
                        .switchIfEmpty(notFound(request.pathVariable("id"))))
                .DELETE(PATH + "/{id}", request -> scheduled.cancel(request.pathVariable("id"))
                        .flatMap(found -> found ? ServerResponse.noContent().build() : notFound(request.pathVariable("id"))))
                .POST(PATH, request -> schedule(outbox, request))
                .onError(IllegalArgumentException.class, (e, request) -> json(400, Map.of("error", "bad_request",
                        "message", String.valueOf(e.getMessage()))))
                .build());
    }

    private static Mono<ServerResponse> list(ScheduledEvents scheduled, ServerRequest request) {
        ScheduledEvents.State state = ScheduledEvents.State.valueOf(
                request.queryParam("state").orElse("all").toUpperCase(Locale.ROOT));
        int limit = request.queryParam("limit").map(Integer::parseInt).orElse(DEFAULT_LIMIT);
        return scheduled.list(state, Math.max(1, Math.min(limit, 1000))).map(ScheduledEventsRoute::render).collectList()
                .flatMap(entries -> json(200, Map.of("events", entries)));
    }

    private static Mono<ServerResponse> schedule(Outbox outbox, ServerRequest request) {
        HttpHeaders headers = request.headers().asHttpHeaders();
        Instant due = dueTime(request);
        return request.bodyToMono(byte[].class).defaultIfEmpty(new byte[0])
                .map(body -> CloudEventHttpUtils.toReader(headers, () -> body).toEvent())
                .flatMap(event -> outbox.schedule(event, due)
                        .then(json(201, Map.of("id", event.getId(), "type", event.getType(), "due_at", due.toString()))));
    }

    private static Instant dueTime(ServerRequest request) {
        try {
            if (request.queryParam("due").isPresent()) {
                return Instant.parse(request.queryParam("due").get());
            }
            Duration delay = request.queryParam("delay").map(text -> DurationStyle.detectAndParse(text)).orElse(Duration.ZERO);
            return Instant.now().plus(delay);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("due must be an ISO-8601 instant, e.g. 2030-01-01T00:00:00Z");
        }
    }

    private static Map<String, Object> render(ScheduledEvents.Entry entry) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", entry.id());
        body.put("type", entry.type());
        body.put("state", entry.deadAt() != null ? "dead" : entry.dueAt().isAfter(Instant.now()) ? "pending" : "due");
        body.put("due_at", entry.dueAt());
        body.put("attempts", entry.attempts());
        body.put("last_error", entry.lastError());
        body.put("dead_at", entry.deadAt());
        body.put("ordering_key", entry.orderingKey());
        body.put("created_at", entry.createdAt());
        try {
            body.put("event", EventJson.MAPPER.readTree(entry.event()));
        } catch (IOException e) {
            body.put("event", null);
        }
        return body;
    }

    private static Mono<ServerResponse> notFound(String id) {
        return json(404, Map.of("error", "not_found", "message", "no undelivered event with id " + id));
    }

    private static Mono<ServerResponse> json(int status, Object body) {
        return ServerResponse.status(status).contentType(MediaType.APPLICATION_JSON).bodyValue(EventJson.bytes(body));
    }
}
