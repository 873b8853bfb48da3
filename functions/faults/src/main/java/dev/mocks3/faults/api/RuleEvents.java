package dev.mocks3.faults.api;

import java.util.Optional;
import java.util.Set;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.mocks3.events.EventJson;
import dev.mocks3.events.EventTypes;
import dev.mocks3.events.delivery.EventSubscriber;
import dev.mocks3.faults.rule.FaultRule;
import dev.mocks3.faults.rule.InvalidRuleException;
import dev.mocks3.faults.rule.RuleJson;
import dev.mocks3.faults.store.RuleService;
import io.cloudevents.CloudEvent;
import io.cloudevents.spring.http.CloudEventHttpUtils;
import reactor.core.publisher.Mono;

/**
 * Rule changes sent as CloudEvents ({@code dev.mocks3.rule.put|patch|delete}), over HTTP in binary
 * or structured mode (so {@code kn event send} and Knative Triggers work), and from the in-process bus.
 * The rule id comes from the payload's {@code id}, else from the event's {@code subject}.
 */
public final class RuleEvents implements EventSubscriber {
    private static final Set<String> TYPES = Set.of(EventTypes.RULE_PUT, EventTypes.RULE_PATCH, EventTypes.RULE_DELETE);
    private final RuleService rules;
    /** Scenario commands ({@code dev.mocks3.scenario.command}): id, command, speed; null where no scenarios run. */
    private final ScenarioCommands scenarios;

    /** Takes a scenario command: start, pause, resume or stop. */
    public interface ScenarioCommands {
        Mono<?> apply(String id, String command, double speed);
    }

    public RuleEvents(RuleService rules) {
        this(rules, null);
    }

    public RuleEvents(RuleService rules, ScenarioCommands scenarios) {
        this.rules = rules;
        this.scenarios = scenarios;
    }

    public RouterFunction<ServerResponse> routes() {
        return RouterFunctions.route()
                .POST("/", this::receive)
                .POST("/api/v1/cloudevents", this::receive)
                .onError(Throwable.class, (e, r) -> ApiErrors.render(e))
                .build();
    }

    @Override
    public boolean accepts(String type) {
        return TYPES.contains(type) || scenarios != null && EventTypes.SCENARIO_COMMAND.equals(type);
    }

    @Override
    public Mono<Void> handle(CloudEvent event) {
        return apply(event).then();
    }

    /** Applies the change; the rule after it, or empty when it was deleted. */
    public Mono<Optional<FaultRule>> apply(CloudEvent event) {
        return Mono.defer(() -> {
            JsonNode data = EventJson.data(event);
            String id = data.hasNonNull("id") ? data.get("id").asText() : event.getSubject();
            return switch (event.getType()) {
                case EventTypes.RULE_PUT -> (id == null ? rules.create(data) : rules.put(id, data)).map(Optional::of);
                case EventTypes.RULE_PATCH -> {
                    ObjectNode patch = data.get("patch") instanceof ObjectNode p ? p : ((ObjectNode) data).deepCopy();
                    patch.remove("id");
                    yield rules.patch(required(id), patch).map(Optional::of);
                }
                case EventTypes.RULE_DELETE -> rules.delete(required(id)).thenReturn(Optional.<FaultRule>empty());
                case EventTypes.SCENARIO_COMMAND -> scenarios == null ? Mono.error(new IllegalArgumentException("no scenarios here"))
                        : scenarios.apply(required(id), data.path("command").asText(""), data.path("speed").asDouble(1))
                                .thenReturn(Optional.<FaultRule>empty());
                default -> Mono.error(new IllegalArgumentException("unsupported event type '" + event.getType()
                        + "' (expected " + String.join(", ", TYPES) + ")"));
            };
        });
    }

    private Mono<ServerResponse> receive(ServerRequest request) {
        HttpHeaders headers = request.headers().asHttpHeaders();
        return request.bodyToMono(byte[].class).defaultIfEmpty(new byte[0])
                .map(body -> CloudEventHttpUtils.toReader(headers, () -> body).toEvent())
                .flatMap(this::apply)
                .flatMap(rule -> rule.isPresent()
                        ? ApiErrors.json(HttpStatus.OK, RuleJson.write(rule.get()))
                        : ServerResponse.noContent().build());
    }

    private static String required(String id) {
        if (id == null || id.isBlank()) {
            throw new InvalidRuleException("id", "is required (in the data, or as the event subject)");
        }
        return id;
    }
}
