package dev.mocks3.faults.api;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.http.HttpStatus;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.mocks3.core.routing.S3Operation;
import dev.mocks3.faults.rule.Condition;
import dev.mocks3.faults.rule.DelaySpec;
import dev.mocks3.faults.rule.FaultAction;
import dev.mocks3.faults.rule.FaultRule;
import dev.mocks3.faults.rule.InvalidRuleException;
import dev.mocks3.faults.rule.Phase;
import dev.mocks3.faults.rule.RuleJson;
import dev.mocks3.faults.rule.ServiceStage;
import dev.mocks3.faults.store.RuleService;
import reactor.core.publisher.Mono;

/**
 * LocalStack's chaos API, same JSON, so existing chaos tests move over unchanged.
 * {@code /_localstack/chaos/faults}: GET lists, POST replaces, PATCH adds, DELETE removes the given
 * faults; each answers the list in force. {@code /_localstack/chaos/effects}: {@code {"latency": ms}}.
 * Each fault becomes a rule labelled {@code localstack.fault} (its JSON), evaluated in list order;
 * faults for a service other than s3 are kept (and listed) but disabled, as they can match nothing here.
 */
public final class LocalStackChaosApi {
    static final String FAULT_LABEL = "localstack.fault";
    static final String EFFECTS_LABEL = "localstack.effects";
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final int BASE_PRIORITY = 1_000_000;
    private final RuleService rules;
    private final ObjectMapper mapper;

    public LocalStackChaosApi(RuleService rules, ObjectMapper mapper) {
        this.rules = rules;
        this.mapper = mapper;
    }

    public RouterFunction<ServerResponse> routes() {
        return RouterFunctions.route()
                .GET("/_localstack/chaos/faults", r -> faults())
                .POST("/_localstack/chaos/faults", r -> body(r).flatMap(list -> replace(list)).then(faults()))
                .PATCH("/_localstack/chaos/faults", r -> body(r).flatMap(this::add).then(faults()))
                .DELETE("/_localstack/chaos/faults", r -> body(r).flatMap(this::remove).then(faults()))
                .GET("/_localstack/chaos/effects", r -> effects())
                .POST("/_localstack/chaos/effects", this::setEffects)
                .onError(Throwable.class, (e, r) -> ApiErrors.render(e))
                .build();
    }

    private Mono<List<JsonNode>> current() {
        return rules.list().filter(r -> r.labels().containsKey(FAULT_LABEL))
                .sort((a, b) -> Integer.compare(b.priority(), a.priority()))
                .map(r -> RuleJson.parse(mapper, r.labels().get(FAULT_LABEL)))
                .collectList();
    }

    private Mono<ServerResponse> faults() {
        return current().flatMap(list -> {
            ArrayNode array = NODES.arrayNode();
            list.forEach(array::add);
            return ApiErrors.json(HttpStatus.OK, array);
        });
    }

    private Mono<Void> replace(List<JsonNode> faults) {
        return rules.replaceWhere(r -> r.labels().containsKey(FAULT_LABEL), toRules(faults)).then();
    }

    private Mono<Void> add(List<JsonNode> faults) {
        return current().flatMap(existing -> {
            List<JsonNode> all = new ArrayList<>(existing);
            all.addAll(faults);
            return replace(all);
        });
    }

    private Mono<Void> remove(List<JsonNode> faults) {
        return current().flatMap(existing -> {
            List<JsonNode> kept = new ArrayList<>(existing);
            kept.removeIf(faults::contains);
            return replace(kept);
        });
    }

    private List<FaultRule> toRules(List<JsonNode> faults) {
        List<FaultRule> out = new ArrayList<>();
        for (int i = 0; i < faults.size(); i++) {
            out.add(toRule(faults.get(i), i));
        }
        return out;
    }

    static FaultRule toRule(JsonNode fault, int index) {
        String path = "[" + index + "]";
        if (!fault.isObject()) {
            throw new InvalidRuleException(path, "a fault must be an object");
        }
        List<Condition> conditions = new ArrayList<>();
        boolean canMatch = true;
        String service = text(fault, "service", path);
        if (service != null && !service.equalsIgnoreCase("s3")) {
            canMatch = false;
        }
        String operation = text(fault, "operation", path);
        if (operation != null) {
            Optional<S3Operation> op = S3Operation.byS3Name(operation);
            if (op.isPresent()) {
                conditions.add(new Condition.Operation(java.util.EnumSet.of(op.get())));
            } else {
                canMatch = false;
            }
        }
        String region = text(fault, "region", path);
        if (region != null) {
            conditions.add(new Condition.Region(java.util.Set.of(region)));
        }
        if (fault.hasNonNull("probability")) {
            double p = fault.get("probability").asDouble(-1);
            if (!fault.get("probability").isNumber() || p < 0 || p > 1) {
                throw new InvalidRuleException(path + ".probability", "must be a number between 0 and 1");
            }
            conditions.add(new Condition.Probability(p));
        }
        int status = 503;
        String code = "ServiceUnavailable";
        String message = "Operation failed due to a simulated fault";
        JsonNode error = fault.get("error");
        if (error != null && !error.isNull()) {
            if (!error.isObject()) {
                throw new InvalidRuleException(path + ".error", "must be an object");
            }
            if (error.hasNonNull("statusCode")) {
                status = error.get("statusCode").asInt(0);
                if (status < 300 || status > 599) {
                    throw new InvalidRuleException(path + ".error.statusCode", "must be an HTTP error status");
                }
            }
            code = error.hasNonNull("code") ? error.get("code").asText() : code;
            message = error.hasNonNull("message") ? error.get("message").asText() : message;
        }
        return new FaultRule(null, "localstack fault " + (index + 1), "from /_localstack/chaos/faults",
                ServiceStage.GATEWAY, canMatch, BASE_PRIORITY - index, conditions,
                new FaultAction.HttpError(status, code, message, Phase.BEFORE), null,
                Map.of(FAULT_LABEL, fault.toString()), 0, null, null);
    }

    private Mono<ServerResponse> effects() {
        return rules.list().filter(r -> r.labels().containsKey(EFFECTS_LABEL)).next()
                .map(r -> RuleJson.parse(mapper, r.labels().get(EFFECTS_LABEL)))
                .defaultIfEmpty(NODES.objectNode().put("latency", 0))
                .flatMap(body -> ApiErrors.json(HttpStatus.OK, body));
    }

    private Mono<ServerResponse> setEffects(ServerRequest request) {
        return request.bodyToMono(String.class).defaultIfEmpty("{}").flatMap(text -> {
            JsonNode body = RuleJson.parse(mapper, text);
            if (!body.isObject()) {
                throw new InvalidRuleException("$", "effects must be an object such as {\"latency\": 500}");
            }
            JsonNode latency = body.get("latency");
            if (latency != null && !latency.isNull() && (!latency.isNumber() || latency.asLong() < 0)) {
                throw new InvalidRuleException("latency", "must be a number of milliseconds");
            }
            long ms = latency == null ? 0 : latency.asLong();
            List<FaultRule> replacement = ms == 0 ? List.of() : List.of(new FaultRule(null, "localstack latency",
                    "from /_localstack/chaos/effects", ServiceStage.GATEWAY, true, BASE_PRIORITY + 1, List.of(),
                    new FaultAction.Delay(new DelaySpec.Fixed(Duration.ofMillis(ms)), Phase.BEFORE), null,
                    Map.of(EFFECTS_LABEL, NODES.objectNode().put("latency", ms).toString()), 0, null, null));
            return rules.replaceWhere(r -> r.labels().containsKey(EFFECTS_LABEL), replacement);
        }).then(effects());
    }

    private Mono<List<JsonNode>> body(ServerRequest request) {
        return request.bodyToMono(String.class).defaultIfEmpty("[]").map(text -> {
            JsonNode node = RuleJson.parse(mapper, text);
            List<JsonNode> list = new ArrayList<>();
            if (node.isArray()) {
                node.forEach(list::add);
            } else if (node.isObject()) {
                list.add(node);
            } else {
                throw new InvalidRuleException("$", "expected a list of faults");
            }
            for (int i = 0; i < list.size(); i++) {
                toRule(list.get(i), i); // validate before anything changes
            }
            return list;
        });
    }

    private static String text(JsonNode fault, String field, String path) {
        JsonNode v = fault.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isTextual()) {
            throw new InvalidRuleException(path + "." + field, "must be a string");
        }
        return v.asText();
    }

}
