package dev.mocks3.app.observe;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;


import dev.mocks3.app.gateway.DependencyProbes;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import reactor.core.publisher.Mono;

/** {@code mocks3_dependency_up{dependency}}: 1 while PostgreSQL, Redis, the blob store answered their last probe. */
public final class DependencyGauges {
    private final DependencyProbes probes;
    private final Map<String, AtomicInteger> up = new ConcurrentHashMap<>();

    public DependencyGauges(DependencyProbes probes, MeterRegistry registry) {
        this.probes = probes;
        for (String name : probes.names()) {
            AtomicInteger value = new AtomicInteger();
            up.put(name, value);
            Gauge.builder("mocks3.dependency.up", value, AtomicInteger::get).tag("dependency", name)
                    .description("1 when the dependency answered its last probe, 0 otherwise").register(registry);
        }
    }

    /** Probes every dependency once and sets its gauge. */
    public Mono<Void> sample() {
        return probes.check(probes.names()).doOnNext(states -> states.forEach((name, state) ->
                up.get(name).set("UP".equals(state.get("status")) ? 1 : 0))).then();
    }
}
