package dev.mocks3.faults.api;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.ServerResponse;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.mocks3.faults.rule.InvalidRuleException;
import dev.mocks3.faults.store.RedisUnavailableException;
import dev.mocks3.faults.store.RuleConflictException;
import dev.mocks3.faults.store.RuleNotFoundException;
import io.cloudevents.rw.CloudEventRWException;
import reactor.core.publisher.Mono;

/** Errors of the rules API as JSON: {@code {"error": "...", "message": "...", "field": "..."}}. */
final class ApiErrors {

    private ApiErrors() {
    }

    static Mono<ServerResponse> render(Throwable e) {
        if (e instanceof InvalidRuleException invalid) {
            ObjectNode body = body("invalid_rule", invalid.getMessage());
            body.put("field", invalid.field());
            return json(HttpStatus.BAD_REQUEST, body);
        }
        if (e instanceof RuleNotFoundException) {
            return json(HttpStatus.NOT_FOUND, body("not_found", e.getMessage()));
        }
        if (e instanceof RuleConflictException) {
            return json(HttpStatus.CONFLICT, body("conflict", e.getMessage()));
        }
        if (e instanceof CloudEventRWException || e instanceof IllegalArgumentException) {
            return json(HttpStatus.BAD_REQUEST, body("bad_request", e.getMessage()));
        }
        if (RedisUnavailableException.causedBy(e)) {
            return error(HttpStatus.SERVICE_UNAVAILABLE, "redis_unavailable",
                    "Redis is unreachable; this endpoint needs it (" + RedisUnavailableException.rootMessage(e) + ")");
        }
        return json(HttpStatus.INTERNAL_SERVER_ERROR, body("internal_error", String.valueOf(e.getMessage())));
    }

    static Mono<ServerResponse> error(HttpStatus status, String error, String message) {
        return json(status, body(error, message));
    }

    /** An error after which the connection is closed (the request body was left unread). */
    static Mono<ServerResponse> closingError(HttpStatus status, String error, String message) {
        return ServerResponse.status(status).header(HttpHeaders.CONNECTION, "close")
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body(error, message).toString());
    }

    static Mono<ServerResponse> badRequest(String message) {
        return json(HttpStatus.BAD_REQUEST, body("bad_request", message));
    }

    static Mono<ServerResponse> json(HttpStatus status, Object body) {
        return ServerResponse.status(status).contentType(MediaType.APPLICATION_JSON).bodyValue(body.toString());
    }

    private static ObjectNode body(String error, String message) {
        ObjectNode n = JsonNodeFactory.instance.objectNode();
        n.put("error", error);
        n.put("message", message);
        return n;
    }
}
