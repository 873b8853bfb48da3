package dev.mocks3.faults.store;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.mocks3.events.EventJson;
import dev.mocks3.events.EventSources;
import dev.mocks3.events.EventTypes;
import dev.mocks3.events.delivery.EventPublisher;
import dev.mocks3.events.rule.RuleChanged;
import dev.mocks3.faults.engine.FaultCounters;
import dev.mocks3.faults.rule.FaultRule;
import dev.mocks3.faults.rule.RuleJson;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Every change to the rules goes through here, whoever asks (rules API, LocalStack chaos API,
 * CloudEvents, a rule disabling itself): validate, store, reload this instance's cache, then tell
 * the other instances and publish {@code dev.mocks3.rule.changed}.
 */
public final class RuleService {
    private static final Logger log = LoggerFactory.getLogger(RuleService.class);
    /** The label {@link #halt} puts on each rule it disabled: the time of the halt. */
    public static final String HALTED = "mocks3.halted_at";
    private final RuleStore store;
    private final RuleCache cache;
    private final RuleChangeSignal signal;
    private final FaultCounters counters;
    private final EventPublisher events;

    public RuleService(RuleStore store, RuleCache cache, RuleChangeSignal signal, FaultCounters counters,
                       EventPublisher events) {
        this.store = store;
        this.cache = cache;
        this.signal = signal;
        this.counters = counters;
        this.events = events;
    }

    public Flux<FaultRule> list() {
        return store.all();
    }

    public Mono<FaultRule> get(String id) {
        return store.find(id).switchIfEmpty(Mono.error(() -> new RuleNotFoundException(id)));
    }

    /** Creates a rule from its document; an id in the document is kept, else one is made up. */
    public Mono<FaultRule> create(JsonNode document) {
        return Mono.fromCallable(() -> RuleJson.read(document)).flatMap(this::create);
    }

    public Mono<FaultRule> create(FaultRule parsed) {
        FaultRule rule = parsed.id() == null ? parsed.withId(newId()) : parsed;
        return store.insert(rule)
                .switchIfEmpty(Mono.error(() -> new RuleConflictException(rule.id())))
                .flatMap(stored -> changed(stored.id(), "created", stored.version()).thenReturn(stored));
    }

    /** Replaces the rule with this id, or creates it. */
    public Mono<FaultRule> put(String id, JsonNode document) {
        return Mono.fromCallable(() -> {
            FaultRule rule = RuleJson.read(document);
            if (rule.id() != null && !rule.id().equals(id)) {
                throw new dev.mocks3.faults.rule.InvalidRuleException("id", "does not match the id in the URL");
            }
            return rule.withId(id);
        }).flatMap(rule -> store.replace(rule)
                .flatMap(stored -> changed(id, "updated", stored.version()).thenReturn(stored))
                .switchIfEmpty(Mono.defer(() -> create(rule))));
    }

    /** Applies a JSON merge patch to the rule's document. */
    public Mono<FaultRule> patch(String id, JsonNode patch) {
        return get(id).flatMap(current -> {
            ObjectNode merged = RuleJson.mergePatch(RuleJson.write(current), patch);
            FaultRule rule = RuleJson.read(merged).withId(id);
            return store.replace(rule).switchIfEmpty(Mono.error(() -> new RuleNotFoundException(id)));
        }).flatMap(stored -> changed(id, "updated", stored.version()).thenReturn(stored));
    }

    public Mono<FaultRule> setEnabled(String id, boolean enabled) {
        return get(id).flatMap(current -> current.enabled() == enabled ? Mono.just(current)
                : store.replace(current.withEnabled(enabled))
                        .flatMap(stored -> changed(id, "updated", stored.version()).thenReturn(stored)));
    }

    /**
     * The big red button: disables every enabled rule as one change, marking each with the
     * {@link #HALTED} label so that {@link #unhalt()} re-enables exactly these. Answers the rules halted.
     */
    public Mono<List<FaultRule>> halt(Instant at) {
        return store.all().filter(FaultRule::enabled)
                .concatMap(r -> {
                    Map<String, String> labels = new HashMap<>(r.labels());
                    labels.put(HALTED, at.toString());
                    return store.replace(r.withEnabled(false).withLabels(labels));
                })
                .collectList()
                .flatMap(halted -> halted.isEmpty() ? Mono.just(halted) : changed("*", "updated", 0).thenReturn(halted));
    }

    /** Undoes {@link #halt}: re-enables the rules it disabled (those still carrying its label). */
    public Mono<List<FaultRule>> unhalt() {
        return store.all().filter(r -> r.labels().containsKey(HALTED))
                .concatMap(r -> {
                    Map<String, String> labels = new HashMap<>(r.labels());
                    labels.remove(HALTED);
                    return store.replace(r.withEnabled(true).withLabels(labels));
                })
                .collectList()
                .flatMap(resumed -> resumed.isEmpty() ? Mono.just(resumed) : changed("*", "updated", 0).thenReturn(resumed));
    }

    public Mono<Void> delete(String id) {
        return store.delete(id).flatMap(found -> found
                ? clearCounters(id).then(changed(id, "deleted", 0))
                : Mono.error(new RuleNotFoundException(id)));
    }

    /** Deletes every rule the filter selects; answers how many. */
    public Mono<Long> deleteWhere(Predicate<FaultRule> filter) {
        return store.all().filter(filter)
                .concatMap(r -> store.delete(r.id()).then(clearCounters(r.id()))
                        .thenReturn(r.id()))
                .collectList()
                .flatMap(ids -> ids.isEmpty() ? Mono.just(0L)
                        : changed("*", "deleted", 0).thenReturn((long) ids.size()));
    }

    /** Replaces the rules the filter selects with new ones, as one change (LocalStack's POST). */
    public Mono<List<FaultRule>> replaceWhere(Predicate<FaultRule> filter, Collection<FaultRule> replacements) {
        return deleteWhere(filter).thenMany(Flux.fromIterable(replacements).concatMap(this::create)).collectList();
    }

    /** Best effort: a deleted rule's counters are unreachable anyway, so a slow Redis must not hold up the delete. */
    private Mono<Void> clearCounters(String id) {
        return counters.clear(id + ":").timeout(java.time.Duration.ofSeconds(2))
                .onErrorResume(e -> {
                    log.warn("counters of deleted rule {} not cleared: {}", id, e.toString());
                    return Mono.empty();
                });
    }

    private Mono<Void> changed(String id, String change, long version) {
        return cache.reload().doOnSuccess(e -> {
            signal.broadcast(id);
            events.publish(EventJson.event(EventTypes.RULE_CHANGED, EventSources.RULES_API, id,
                            new RuleChanged(id, change, version)))
                    .subscribe(v -> { }, err -> log.debug("rule.changed not delivered: {}", err.toString()));
        }).then();
    }

    private static String newId() {
        return "rule-" + UUID.randomUUID().toString().substring(0, 13);
    }
}
