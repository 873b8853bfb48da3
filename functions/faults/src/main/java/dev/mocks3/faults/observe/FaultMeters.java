package dev.mocks3.faults.observe;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import dev.mocks3.events.fault.FaultInjected;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * The fault meters, by rule id (and action): {@code mocks3_fault_rule_matched_total},
 * {@code mocks3_fault_injected_total} and {@code mocks3_fault_delay_seconds} (each delay a rule put
 * into a request or a delivery). One meter per rule and action, looked up once.
 */
public final class FaultMeters {
    public static final FaultMeters NONE = new FaultMeters(null);
    private final MeterRegistry registry;
    private final Map<String, Counter> matched = new ConcurrentHashMap<>();
    private final Map<String, Counter> injected = new ConcurrentHashMap<>();
    private final Map<String, Timer> delays = new ConcurrentHashMap<>();

    public FaultMeters(MeterRegistry registry) {
        this.registry = registry;
    }

    public void matched(String ruleId) {
        if (registry != null) {
            matched.computeIfAbsent(ruleId, id -> Counter.builder("mocks3.fault.rule.matched").tag("rule", id)
                    .description("requests a fault rule was in scope for").register(registry)).increment();
        }
    }

    public void injected(FaultInjected event) {
        if (registry == null) {
            return;
        }
        injected.computeIfAbsent(event.ruleId() + '\n' + event.action(), k -> Counter.builder("mocks3.fault.injected")
                .tag("rule", event.ruleId()).tag("action", event.action())
                .description("faults injected, by rule and action").register(registry)).increment();
        if (event.detail().get("delay_ms") instanceof Number ms) {
            delays.computeIfAbsent(event.ruleId(), id -> Timer.builder("mocks3.fault.delay").tag("rule", id)
                    .description("delays injected by fault rules").register(registry))
                    .record(Duration.ofMillis(ms.longValue()));
        }
    }
}
