package dev.mocks3.faults.api;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.mocks3.events.EventJson;
import dev.mocks3.faults.rule.FaultRule;
import dev.mocks3.faults.rule.Quantities;
import dev.mocks3.faults.rule.RuleJson;
import dev.mocks3.faults.store.EventQuery;
import dev.mocks3.faults.store.FaultEventLog;
import dev.mocks3.faults.store.FaultStats;
import dev.mocks3.faults.store.RuleService;
import dev.mocks3.faults.store.StatsHistory;
import reactor.core.publisher.Mono;

/**
 * {@code /api/v1/rules}, {@code /api/v1/stats} and {@code /api/v1/events}: the seed document's
 * Mock Error Service API.
 */
public final class RulesApi {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final int MAX_PAGE = 1000;
    private static final String STALE_STATS = "Redis is unreachable: the stats are the last ones read from it";
    private final RuleService rules;
    private final FaultStats stats;
    private final FaultEventLog events;
    private final ObjectMapper mapper;
    /** Also stopped by the halt: what would put faults back (running scenarios). */
    private final Supplier<Mono<Void>> onHalt;

    public RulesApi(RuleService rules, FaultStats stats, FaultEventLog events, ObjectMapper mapper) {
        this(rules, stats, events, mapper, Mono::empty);
    }

    public RulesApi(RuleService rules, FaultStats stats, FaultEventLog events, ObjectMapper mapper,
                    Supplier<Mono<Void>> onHalt) {
        this.onHalt = onHalt;
        this.rules = rules;
        this.stats = stats;
        this.events = events;
        this.mapper = mapper;
    }

    public RouterFunction<ServerResponse> routes() {
        return RouterFunctions.route()
                .GET("/api/v1/rules", this::list)
                .POST("/api/v1/rules", this::create)
                .DELETE("/api/v1/rules", this::deleteAll)
                .GET("/api/v1/rules/{id}", this::get)
                .PUT("/api/v1/rules/{id}", this::put)
                .PATCH("/api/v1/rules/{id}", this::patch)
                .DELETE("/api/v1/rules/{id}", this::delete)
                .POST("/api/v1/rules/{id}/enable", r -> enable(r, true))
                .POST("/api/v1/rules/{id}/disable", r -> enable(r, false))
                .POST("/api/v1/halt", this::halt)
                .DELETE("/api/v1/halt", this::unhalt)
                .GET("/api/v1/stats", this::stats)
                .DELETE("/api/v1/stats", r -> stats.reset().then(ServerResponse.noContent().build()))
                .GET("/api/v1/events", this::events)
                .DELETE("/api/v1/events", r -> events.clear().then(ServerResponse.noContent().build()))
                .GET("/health", r -> ApiErrors.json(HttpStatus.OK, NODES.objectNode().put("status", "ok")))
                .onError(Throwable.class, (e, r) -> ApiErrors.render(e))
                .build();
    }

    private Mono<ServerResponse> list(ServerRequest request) {
        return Mono.zip(rules.list().collectList(), stats.snapshotOrLastKnown()).flatMap(t -> {
            ArrayNode array = NODES.arrayNode();
            t.getT1().forEach(rule -> array.add(withStats(rule, t.getT2())));
            ObjectNode body = NODES.objectNode();
            body.set("rules", array);
            body.put("total", array.size());
            if (t.getT2().stale()) {
                body.put("warning", STALE_STATS);
            }
            return ApiErrors.json(HttpStatus.OK, body);
        });
    }

    private Mono<ServerResponse> get(ServerRequest request) {
        return rules.get(request.pathVariable("id")).zipWith(stats.snapshotOrLastKnown())
                .flatMap(t -> ApiErrors.json(HttpStatus.OK, withStats(t.getT1(), t.getT2())));
    }

    private Mono<ServerResponse> create(ServerRequest request) {
        return body(request).flatMap(rules::create)
                .flatMap(rule -> ServerResponse.created(URI.create("/api/v1/rules/" + rule.id()))
                        .contentType(MediaType.APPLICATION_JSON).bodyValue(RuleJson.write(rule).toString()));
    }

    private Mono<ServerResponse> put(ServerRequest request) {
        return body(request).flatMap(doc -> rules.put(request.pathVariable("id"), doc))
                .flatMap(rule -> ApiErrors.json(HttpStatus.OK, RuleJson.write(rule)));
    }

    private Mono<ServerResponse> patch(ServerRequest request) {
        return body(request).flatMap(doc -> rules.patch(request.pathVariable("id"), doc))
                .flatMap(rule -> ApiErrors.json(HttpStatus.OK, RuleJson.write(rule)));
    }

    private Mono<ServerResponse> enable(ServerRequest request, boolean on) {
        return rules.setEnabled(request.pathVariable("id"), on)
                .flatMap(rule -> ApiErrors.json(HttpStatus.OK, RuleJson.write(rule)));
    }

    private Mono<ServerResponse> delete(ServerRequest request) {
        return rules.delete(request.pathVariable("id")).then(ServerResponse.noContent().build());
    }

    private Mono<ServerResponse> deleteAll(ServerRequest request) {
        return rules.deleteWhere(r -> true)
                .flatMap(n -> ApiErrors.json(HttpStatus.OK, NODES.objectNode().put("deleted", n)));
    }

    private Mono<ServerResponse> halt(ServerRequest request) {
        Instant at = Instant.now();
        return onHalt.get().then(rules.halt(at)).flatMap(halted -> {
            ObjectNode body = NODES.objectNode().put("halted", halted.size()).put("at", at.toString());
            ArrayNode ids = body.putArray("rules");
            halted.forEach(r -> ids.add(r.id()));
            body.put("undo", "DELETE /api/v1/halt");
            return ApiErrors.json(HttpStatus.OK, body);
        });
    }

    private Mono<ServerResponse> unhalt(ServerRequest request) {
        return rules.unhalt().flatMap(resumed -> {
            ObjectNode body = NODES.objectNode().put("resumed", resumed.size());
            ArrayNode ids = body.putArray("rules");
            resumed.forEach(r -> ids.add(r.id()));
            return ApiErrors.json(HttpStatus.OK, body);
        });
    }

    private Mono<ServerResponse> stats(ServerRequest request) {
        Duration window;
        Duration step;
        try {
            window = duration(request, "history");
            step = duration(request, "step");
        } catch (IllegalArgumentException e) {
            return ApiErrors.badRequest(e.getMessage());
        }
        Mono<Optional<StatsHistory.Series>> history = window == null ? Mono.just(Optional.empty())
                : stats.history(window, step != null ? step : Duration.ZERO).map(Optional::of);
        return Mono.zip(rules.list().collectList(), stats.snapshot(), history).flatMap(t -> {
            Map<String, Long> s = t.getT2();
            ObjectNode body = NODES.objectNode();
            body.put("total_rules", t.getT1().size());
            body.put("enabled_rules", t.getT1().stream().filter(FaultRule::enabled).count());
            body.put("total_matched", s.getOrDefault("total:matched", 0L));
            body.put("total_injected", s.getOrDefault("total:triggered", 0L));
            ArrayNode perRule = body.putArray("rules");
            t.getT1().forEach(rule -> perRule.addObject()
                    .put("id", rule.id()).put("name", rule.name()).put("service", rule.service().id())
                    .put("enabled", rule.enabled())
                    .put("matched", s.getOrDefault("rule:" + rule.id() + ":matched", 0L))
                    .put("triggered", s.getOrDefault("rule:" + rule.id() + ":triggered", 0L)));
            ObjectNode byAction = body.putObject("by_action");
            ObjectNode byService = body.putObject("by_service");
            ObjectNode byOperation = body.putObject("by_operation");
            s.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
                String k = e.getKey();
                if (k.startsWith("action:")) byAction.put(k.substring(7), e.getValue());
                else if (k.startsWith("service:")) byService.put(k.substring(8), e.getValue());
                else if (k.startsWith("operation:")) byOperation.put(k.substring(10), e.getValue());
            });
            t.getT3().ifPresent(series -> body.set("history", historyJson(series)));
            return ApiErrors.json(HttpStatus.OK, body);
        });
    }

    /** Chart-ready: one time axis, and per rule one array of counts per bucket. */
    private static ObjectNode historyJson(StatsHistory.Series series) {
        ObjectNode history = NODES.objectNode().put("step_seconds", series.stepMillis() / 1000);
        ArrayNode times = history.putArray("times");
        for (long start : series.starts()) {
            times.add(Instant.ofEpochMilli(start).toString());
        }
        ObjectNode perRule = history.putObject("rules");
        Set<String> ids = new TreeSet<>(series.matched().keySet());
        ids.addAll(series.triggered().keySet());
        for (String id : ids) {
            ObjectNode rule = perRule.putObject(id);
            long[] none = new long[series.starts().length];
            ArrayNode matched = rule.putArray("matched");
            for (long n : series.matched().getOrDefault(id, none)) matched.add(n);
            ArrayNode triggered = rule.putArray("triggered");
            for (long n : series.triggered().getOrDefault(id, none)) triggered.add(n);
        }
        return history;
    }

    /** A duration such as {@code 10m}, {@code 30s}, {@code 1h} (or ISO-8601 {@code PT10M}). */
    private static Duration duration(ServerRequest request, String name) {
        String v = param(request, name);
        if (v == null) {
            return null;
        }
        try {
            Duration d = Quantities.duration(v);
            if (d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException(name + " must be positive");
            }
            return d;
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(name + " must be a duration such as 10s, 5m or 1h");
        }
    }

    private Mono<ServerResponse> events(ServerRequest request) {
        EventQuery query;
        try {
            int limit = (int) Math.min(MAX_PAGE, longParam(request, "limit", 100));
            query = new EventQuery(param(request, "rule", "rule_id", "ruleId"),
                    param(request, "request_id", "requestId"), param(request, "operation"),
                    param(request, "bucket"), param(request, "action"),
                    time(request, "since"), time(request, "until"), Math.max(1, limit),
                    Math.max(0, longParam(request, "offset", 0)));
        } catch (IllegalArgumentException e) {
            return ApiErrors.badRequest(e.getMessage());
        }
        return events.find(query).flatMap(page -> {
            ObjectNode body = NODES.objectNode();
            body.set("events", EventJson.MAPPER.valueToTree(page.events()));
            body.put("total", page.total());
            body.put("limit", page.limit());
            body.put("offset", page.offset());
            if (page.offset() + page.events().size() < page.total()) {
                body.put("next_offset", page.offset() + page.events().size());
            }
            return ApiErrors.json(HttpStatus.OK, body);
        });
    }

    private static ObjectNode withStats(FaultRule rule, FaultStats.Counts counts) {
        Map<String, Long> s = counts.values();
        ObjectNode doc = RuleJson.write(rule);
        ObjectNode ruleStats = doc.putObject("stats")
                .put("matched", s.getOrDefault("rule:" + rule.id() + ":matched", 0L))
                .put("triggered", s.getOrDefault("rule:" + rule.id() + ":triggered", 0L));
        if (counts.stale()) {
            ruleStats.put("stale", true);
        }
        return doc;
    }

    private Mono<JsonNode> body(ServerRequest request) {
        return request.bodyToMono(String.class).defaultIfEmpty("")
                .map(text -> RuleJson.parse(mapper, text.isBlank() ? "null" : text));
    }

    private static String param(ServerRequest request, String... names) {
        for (String n : names) {
            var v = request.queryParam(n);
            if (v.isPresent() && !v.get().isBlank()) {
                return v.get();
            }
        }
        return null;
    }

    private static long longParam(ServerRequest request, String name, long dflt) {
        String v = param(request, name);
        if (v == null) {
            return dflt;
        }
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a whole number");
        }
    }

    /** An ISO-8601 time or epoch milliseconds. */
    private static Instant time(ServerRequest request, String name) {
        String v = param(request, name);
        if (v == null) {
            return null;
        }
        if (v.matches("\\d+")) {
            return Instant.ofEpochMilli(Long.parseLong(v));
        }
        try {
            return OffsetDateTime.parse(v).toInstant();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(name + " must be an ISO-8601 time or epoch milliseconds");
        }
    }
}
