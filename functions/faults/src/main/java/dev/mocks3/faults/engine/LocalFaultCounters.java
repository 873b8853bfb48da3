package dev.mocks3.faults.engine;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import reactor.core.publisher.Mono;

/** Counters in this JVM: for one instance, and for tests. */
public final class LocalFaultCounters implements FaultCounters {
    private final Map<String, AtomicLong> counters = new ConcurrentHashMap<>();

    @Override
    public Mono<Long> increment(String name) {
        return Mono.just(counters.computeIfAbsent(name, n -> new AtomicLong()).incrementAndGet());
    }

    @Override
    public Mono<Void> clear(String prefix) {
        counters.keySet().removeIf(k -> k.startsWith(prefix));
        return Mono.empty();
    }
}
