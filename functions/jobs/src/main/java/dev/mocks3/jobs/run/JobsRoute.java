package dev.mocks3.jobs.run;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;

import io.cloudevents.CloudEvent;
import io.cloudevents.spring.http.CloudEventHttpUtils;
import reactor.core.publisher.Mono;

/**
 * {@code POST /_mocks3/jobs}: a job CloudEvent over HTTP, binary or structured mode (a Knative
 * Trigger, {@code kn event send}, curl). Runs the job and answers what it did: 200 with
 * {@code {"id","type","ran","result"}} ({@code ran} false for an event that ran before), 404 for a
 * type this instance does not run, 400 for what is not a CloudEvent. The application registers it
 * behind the guard of its admin endpoints.
 */
public final class JobsRoute {
    public static final String PATH = "/_mocks3/jobs";
    private final JobDispatch dispatch;

    public JobsRoute(JobDispatch dispatch) {
        this.dispatch = dispatch;
    }

    public RouterFunction<ServerResponse> routes() {
        return RouterFunctions.route().POST(PATH, this::receive).build();
    }

    private Mono<ServerResponse> receive(ServerRequest request) {
        HttpHeaders headers = request.headers().asHttpHeaders();
        return request.bodyToMono(byte[].class).defaultIfEmpty(new byte[0])
                .flatMap(body -> {
                    CloudEvent event;
                    try {
                        event = CloudEventHttpUtils.toReader(headers, () -> body).toEvent();
                    } catch (RuntimeException e) {
                        return error(HttpStatus.BAD_REQUEST, "not a CloudEvent: " + e.getMessage());
                    }
                    return dispatch.functionFor(event.getType())
                            .map(function -> function.apply(event).flatMap(JobsRoute::answer)
                                    .onErrorResume(IllegalArgumentException.class,
                                            e -> error(HttpStatus.BAD_REQUEST, e.getMessage())))
                            .orElseGet(() -> error(HttpStatus.NOT_FOUND, "no job for type " + event.getType() + " here"));
                });
    }

    private static Mono<ServerResponse> answer(JobRun run) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", run.eventId());
        body.put("type", run.type());
        body.put("ran", run.ran());
        body.put("result", run.result());
        return ServerResponse.ok().contentType(MediaType.APPLICATION_JSON).bodyValue(body);
    }

    private static Mono<ServerResponse> error(HttpStatus status, String message) {
        return ServerResponse.status(status).contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("error", message));
    }
}
