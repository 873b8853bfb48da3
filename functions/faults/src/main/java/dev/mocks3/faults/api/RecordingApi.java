package dev.mocks3.faults.api;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.mocks3.events.EventJson;
import dev.mocks3.faults.store.DecisionRecorder;
import dev.mocks3.faults.store.DecisionStore;
import dev.mocks3.faults.store.RecordedDecision;
import reactor.core.publisher.Mono;

/**
 * Recording and replay of rule decisions: {@code /api/v1/recordings} (start, stop, export) and
 * {@code /api/v1/replay} (load a recording, see how it goes, end it).
 */
public final class RecordingApi {
    private final DecisionRecorder recorder;

    public RecordingApi(DecisionRecorder recorder) {
        this.recorder = recorder;
    }

    public RouterFunction<ServerResponse> routes() {
        return RouterFunctions.route()
                .POST("/api/v1/recordings", this::start)
                .GET("/api/v1/recordings/current", r -> recorder.current() == null ? none("no recording is under way")
                        : ApiErrors.json(HttpStatus.OK, json(recorder.current())))
                .POST("/api/v1/recordings/stop", this::stop)
                .GET("/api/v1/recordings/{id}", this::export)
                .POST("/api/v1/replay", this::replay)
                .GET("/api/v1/replay", r -> replayStatus(recorder.currentReplay()))
                .DELETE("/api/v1/replay", r -> replayStatus(recorder.stopReplay()))
                .onError(Throwable.class, (e, r) -> ApiErrors.render(e))
                .build();
    }

    private Mono<ServerResponse> start(ServerRequest request) {
        return body(request).flatMap(doc -> recorder.startRecording(doc.path("name").isTextual() ? doc.get("name").asText() : null))
                .flatMap(r -> ApiErrors.json(HttpStatus.CREATED, json(r)));
    }

    private Mono<ServerResponse> stop(ServerRequest request) {
        return recorder.stopRecording().flatMap(r -> ApiErrors.json(HttpStatus.OK, json(r)))
                .switchIfEmpty(Mono.defer(() -> none("no recording is under way")));
    }

    private Mono<ServerResponse> export(ServerRequest request) {
        String id = request.pathVariable("id");
        return recorder.export(id).flatMap(e -> ApiErrors.json(HttpStatus.OK, exportJson(e.getKey(), e.getValue())))
                .switchIfEmpty(Mono.defer(() -> none("no recording " + id)));
    }

    /** The body is an exported recording ({@code decisions}), or {@code {"recording": "<id>"}} of a stored one. */
    private Mono<ServerResponse> replay(ServerRequest request) {
        return body(request).flatMap(doc -> {
            if (doc.has("decisions")) {
                List<RecordedDecision> decisions = new ArrayList<>();
                for (JsonNode d : doc.get("decisions")) {
                    decisions.add(read(d));
                }
                String source = doc.path("recording").path("id").asText("upload");
                return recorder.startReplay(source, decisions);
            }
            String id = doc.path("recording").asText("");
            if (id.isEmpty()) {
                return Mono.error(new IllegalArgumentException("give the exported recording (with \"decisions\") or {\"recording\": \"<id>\"}"));
            }
            return recorder.export(id).switchIfEmpty(Mono.error(() -> new IllegalArgumentException("no recording " + id)))
                    .flatMap(e -> recorder.startReplay(id, e.getValue()));
        }).flatMap(r -> replayStatus(r));
    }

    private Mono<ServerResponse> replayStatus(DecisionRecorder.Replay r) {
        if (r == null) {
            return none("no replay is under way");
        }
        ObjectNode body = EventJson.MAPPER.createObjectNode().put("id", r.id()).put("source", r.source())
                .put("decisions", r.decisions().size()).put("found", r.found().get()).put("missing", r.missing().get());
        return ApiErrors.json(HttpStatus.OK, body);
    }

    private static Mono<ServerResponse> none(String message) {
        return ApiErrors.error(HttpStatus.NOT_FOUND, "not_found", message);
    }

    private static ObjectNode json(DecisionStore.Recording r) {
        ObjectNode n = EventJson.MAPPER.createObjectNode().put("id", r.id());
        if (r.name() != null) {
            n.put("name", r.name());
        }
        n.put("started_at", r.startedAt().toString());
        if (r.stoppedAt() != null) {
            n.put("stopped_at", r.stoppedAt().toString());
        }
        return n;
    }

    private ObjectNode exportJson(DecisionStore.Recording r, List<RecordedDecision> decisions) {
        ObjectNode body = EventJson.MAPPER.createObjectNode();
        body.set("recording", json(r));
        body.put("dropped", r.stoppedAt() == null ? recorder.dropped() : 0);
        ArrayNode list = body.putArray("decisions");
        decisions.forEach(d -> list.add(EventJson.MAPPER.valueToTree(d)));
        return body;
    }

    private static RecordedDecision read(JsonNode node) {
        try {
            return EventJson.MAPPER.treeToValue(node, RecordedDecision.class);
        } catch (IOException e) {
            throw new IllegalArgumentException("not a recorded decision: " + e.getMessage());
        }
    }

    /** The body as a JSON object ({} when empty); 400 otherwise. */
    static Mono<JsonNode> body(ServerRequest request) {
        return request.bodyToMono(String.class).defaultIfEmpty("{}").map(text -> {
            try {
                JsonNode n = EventJson.MAPPER.readTree(text.isBlank() ? "{}" : text);
                if (!n.isObject()) {
                    throw new IllegalArgumentException("the body must be a JSON object");
                }
                return n;
            } catch (IOException e) {
                throw new IllegalArgumentException("the body is not JSON: " + e.getMessage());
            }
        });
    }
}
