package dev.mocks3.faults.rule;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * A fault rule: when all conditions hold for a request of the service stage, the action is injected.
 * Higher priority is evaluated first. {@code version} grows with every change; counters restart with it.
 * As JSON it is the rule document (see {@link RuleJson}); {@code version}, {@code created_at},
 * {@code updated_at} and {@code stats} are written by the server and ignored when read, so a GET
 * document can be PUT back.
 *
 * @param seed   makes the rule's random draws (probability, delay distributions) reproducible
 * @param labels free-form tags; {@code localstack.*} labels mark rules made by the LocalStack chaos API
 */
@JsonPropertyOrder({"id", "name", "description", "service", "enabled", "priority", "seed", "labels", "conditions",
        "action", "version", "created_at", "updated_at"})
@JsonIgnoreProperties(value = {"version", "created_at", "updated_at", "stats"}, allowGetters = true)
public record FaultRule(
        @JsonProperty String id,
        @JsonProperty String name,
        @JsonProperty String description,
        ServiceStage service,
        @JsonProperty boolean enabled,
        @JsonProperty int priority,
        @JsonProperty List<Condition> conditions,
        @JsonProperty FaultAction action,
        @JsonProperty Long seed,
        @JsonProperty @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, String> labels,
        @JsonProperty long version,
        @JsonProperty Instant createdAt,
        @JsonProperty Instant updatedAt) {

    public FaultRule {
        conditions = List.copyOf(conditions);
        labels = labels == null ? Map.of() : Map.copyOf(labels);
    }

    /** A rule from its document; {@code max_triggers} and {@code expires_at} are conditions written at the top. */
    @JsonCreator
    static FaultRule of(@JsonProperty("id") String id, @JsonProperty("name") String name,
                        @JsonProperty("description") String description, @JsonProperty("service") String service,
                        @JsonProperty("enabled") Boolean enabled, @JsonProperty("priority") Integer priority,
                        @JsonProperty("conditions") List<Condition> conditions, @JsonProperty("action") FaultAction action,
                        @JsonProperty("seed") Long seed, @JsonProperty("labels") Map<String, String> labels,
                        @JsonProperty("max_triggers") Long maxTriggers, @JsonProperty("expires_at") Instant expiresAt) {
        if (id != null && !id.matches("[A-Za-z0-9._:-]{1,128}")) {
            throw new InvalidRuleException("id", "must be 1-128 characters of letters, digits, '.', '_', ':' or '-'");
        }
        if (name == null || name.isBlank()) {
            throw new InvalidRuleException("name", "is required");
        }
        ServiceStage stage = service == null ? ServiceStage.GATEWAY : ServiceStage.byId(service).orElseThrow(() ->
                new InvalidRuleException("service", "unknown service '" + service
                        + "' (gateway, metadata-service, storage-service, queue-service, third-party-service, "
                        + "notification-delivery)"));
        List<Condition> all = new ArrayList<>(conditions == null ? List.of() : conditions);
        all.removeIf(Objects::isNull);
        if (maxTriggers != null) {
            if (maxTriggers < 1) {
                throw new InvalidRuleException("max_triggers", "must be at least 1");
            }
            all.add(new Condition.MaxTriggers(maxTriggers));
        }
        if (expiresAt != null) {
            all.add(new Condition.ExpiresAt(expiresAt));
        }
        if (action == null) {
            throw new InvalidRuleException("action", "is required");
        }
        if (stage.seesRequests() && DeliveryActions.deliveryOnly(action)) {
            throw new InvalidRuleException("action", "'" + action.type()
                    + "' acts on notification delivery only (service notification-delivery)");
        }
        if (!stage.seesRequests() && !action.match(new DeliveryActions())) {
            throw new InvalidRuleException("action", "service notification-delivery takes delay, drop, duplicate or "
                    + "http_error, not '" + action.type() + "'");
        }
        return new FaultRule(id, name.trim(), description, stage, enabled == null || enabled,
                priority == null ? 0 : priority, all, action, seed, labels, 0, null, null);
    }

    @JsonProperty("service")
    String serviceId() {
        return service.id();
    }

    public FaultRule withId(String newId) {
        return new FaultRule(newId, name, description, service, enabled, priority, conditions, action, seed, labels,
                version, createdAt, updatedAt);
    }

    public FaultRule withEnabled(boolean on) {
        return new FaultRule(id, name, description, service, on, priority, conditions, action, seed, labels,
                version, createdAt, updatedAt);
    }

    /** The same rule as stored: a new version and timestamps. */
    public FaultRule stored(long newVersion, Instant created, Instant updated) {
        return new FaultRule(id, name, description, service, enabled, priority, conditions, action, seed, labels,
                newVersion, created, updated);
    }
}
