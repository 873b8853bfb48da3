package dev.mocks3.app.observe;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.context.SmartLifecycle;

import dev.mocks3.app.gateway.DependencyProbes;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;

/** {@code mocks3_dependency_up{dependency}}: 1 while PostgreSQL, Redis, the blob store answered their last probe. */
public final class DependencyGauges implements SmartLifecycle {
    private final DependencyProbes probes;
    private final Duration every;
    private final Map<String, AtomicInteger> up = new ConcurrentHashMap<>();
    private volatile Disposable ticking;

    public DependencyGauges(DependencyProbes probes, MeterRegistry registry, Duration every) {
        this.probes = probes;
        this.every = every;
        for (String name : probes.names()) {
            AtomicInteger value = new AtomicInteger();
            up.put(name, value);
            Gauge.builder("mocks3.dependency.up", value, AtomicInteger::get).tag("dependency", name)
                    .description("1 when the dependency answered its last probe, 0 otherwise").register(registry);
        }
    }

    @Override
    public void start() {
        if (ticking != null || every.isZero() || every.isNegative()) {
            return;
        }
        ticking = Flux.interval(Duration.ZERO, every).onBackpressureDrop()
                .concatMap(tick -> probes.check(probes.names()))
                .subscribe(states -> states.forEach((name, state) ->
                        up.get(name).set("UP".equals(state.get("status")) ? 1 : 0)));
    }

    @Override
    public void stop() {
        Disposable d = ticking;
        ticking = null;
        if (d != null) {
            d.dispose();
        }
    }

    @Override
    public boolean isRunning() {
        return ticking != null;
    }
}
