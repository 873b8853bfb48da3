package dev.mocks3.faults.api;

import java.util.Map;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.mocks3.faults.scenario.Scenario;
import dev.mocks3.faults.scenario.ScenarioRunner;
import dev.mocks3.faults.scenario.ScenarioStore;
import dev.mocks3.faults.store.FaultStats;
import reactor.core.publisher.Mono;

/**
 * {@code /api/v1/scenarios}: store scenario documents (each save a new version), and start, pause,
 * resume and stop them; {@code GET} tells the state, the current phase and the time left in it.
 */
public final class ScenarioApi {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private final ScenarioStore store;
    private final ScenarioRunner runner;
    private final FaultStats stats;

    public ScenarioApi(ScenarioStore store, ScenarioRunner runner, FaultStats stats) {
        this.store = store;
        this.runner = runner;
        this.stats = stats;
    }

    public RouterFunction<ServerResponse> routes() {
        return RouterFunctions.route()
                .GET("/api/v1/scenarios", r -> store.all().collectList().flatMap(all -> counts().map(counts -> {
                    ArrayNode list = NODES.arrayNode();
                    all.forEach(s -> list.add(status(s, counts)));
                    return NODES.objectNode().<ObjectNode>set("scenarios", list);
                })).flatMap(body -> ApiErrors.json(HttpStatus.OK, body)))
                .POST("/api/v1/scenarios", r -> RecordingApi.body(r).flatMap(doc -> store.save(id(doc), doc))
                        .flatMap(s -> ApiErrors.json(HttpStatus.CREATED, status(s, Map.of()))))
                .PUT("/api/v1/scenarios/{id}", r -> RecordingApi.body(r).flatMap(doc -> store.save(r.pathVariable("id"), doc))
                        .flatMap(s -> ApiErrors.json(HttpStatus.OK, status(s, Map.of()))))
                .GET("/api/v1/scenarios/{id}", r -> find(r).zipWith(counts()).flatMap(t -> ApiErrors.json(HttpStatus.OK, status(t.getT1(), t.getT2()))))
                .DELETE("/api/v1/scenarios/{id}", r -> runner.stop(r.pathVariable("id")).onErrorResume(IllegalStateException.class, e -> Mono.empty())
                        .then(store.delete(r.pathVariable("id"))).then(ServerResponse.noContent().build()))
                .POST("/api/v1/scenarios/{id}/start", r -> RecordingApi.body(r).flatMap(doc -> command(r.pathVariable("id"), "start", doc.path("speed").asDouble(1))))
                .POST("/api/v1/scenarios/{id}/pause", r -> command(r.pathVariable("id"), "pause", 1))
                .POST("/api/v1/scenarios/{id}/resume", r -> command(r.pathVariable("id"), "resume", 1))
                .POST("/api/v1/scenarios/{id}/stop", r -> command(r.pathVariable("id"), "stop", 1))
                .onError(IllegalStateException.class, (e, r) -> ApiErrors.error(HttpStatus.CONFLICT, "conflict", e.getMessage()))
                .onError(Throwable.class, (e, r) -> ApiErrors.render(e))
                .build();
    }

    /** A command, from the API or a {@code dev.mocks3.scenario.command} CloudEvent; answers the scenario's status. */
    public Mono<ServerResponse> command(String id, String command, double speed) {
        return apply(id, command, speed).then(store.find(id)).zipWith(counts())
                .flatMap(t -> ApiErrors.json(HttpStatus.OK, status(t.getT1(), t.getT2())));
    }

    public Mono<ScenarioRunner.Run> apply(String id, String command, double speed) {
        if (speed <= 0 || speed > 10_000) {
            return Mono.error(new IllegalArgumentException("speed: must be above 0 and at most 10000"));
        }
        return switch (command) {
            case "start" -> store.find(id).switchIfEmpty(Mono.error(() -> new IllegalArgumentException("no scenario " + id)))
                    .flatMap(s -> runner.begin(s, speed));
            case "pause" -> runner.pause(id);
            case "resume" -> runner.resume(id);
            case "stop" -> runner.stop(id);
            default -> Mono.error(new IllegalArgumentException("command: one of start, pause, resume, stop"));
        };
    }

    private Mono<Scenario> find(ServerRequest r) {
        String id = r.pathVariable("id");
        return store.find(id).switchIfEmpty(Mono.error(() -> new IllegalArgumentException("no scenario " + id)));
    }

    private Mono<Map<String, Long>> counts() {
        return stats.snapshot().onErrorReturn(Map.of());
    }

    private ObjectNode status(Scenario s, Map<String, Long> counts) {
        ObjectNode body = s.document().deepCopy();
        ScenarioRunner.Run run = runner.run(s.id());
        ObjectNode status = body.putObject("status");
        if (run == null) {
            status.put("state", "idle");
            return body;
        }
        status.put("state", run.state().name().toLowerCase()).put("speed", run.speed())
                .put("version", run.scenario().version()).put("elapsed_ms", run.elapsedMillis()).put("cycle", run.cycle());
        if (run.reason() != null) {
            status.put("reason", run.reason());
        }
        if (run.phase() >= 0 && (run.state() == ScenarioRunner.State.RUNNING || run.state() == ScenarioRunner.State.PAUSED)) {
            long left = run.phaseLeftMillis();
            status.putObject("phase").put("index", run.phase()).put("name", run.scenario().phases().get(run.phase()).name())
                    .put("time_left_ms", left).put("real_time_left_ms", (long) (left / run.speed()));
        }
        ArrayNode phases = status.putArray("phases");
        for (int i = 0; i < run.scenario().phases().size(); i++) {
            phases.addObject().put("name", run.scenario().phases().get(i).name())
                    .put("matched", ScenarioRunner.count(run, counts, i, "matched"))
                    .put("injected", ScenarioRunner.count(run, counts, i, "triggered"));
        }
        return body;
    }

    private static String id(JsonNode doc) {
        String id = doc.path("id").asText("");
        if (id.isEmpty()) {
            return "scenario-" + UUID.randomUUID().toString().substring(0, 8);
        }
        if (!id.matches("[A-Za-z0-9._-]{1,64}")) {
            throw new IllegalArgumentException("id: 1-64 letters, digits, '.', '_' or '-'");
        }
        return id;
    }
}
