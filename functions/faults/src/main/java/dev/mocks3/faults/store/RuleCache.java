package dev.mocks3.faults.store;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.mocks3.faults.engine.RuleEngine;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The compiled rules every request is checked against, held in this JVM. Reloaded from the store
 * after a local change (before the API answers), when another instance signals a change, and every
 * {@code refreshInterval} in case a signal was lost.
 */
public final class RuleCache {
    private static final Logger log = LoggerFactory.getLogger(RuleCache.class);
    private final RuleStore store;
    private final Long engineSeed;
    private final AtomicBoolean reloadQueued = new AtomicBoolean();
    private volatile RuleEngine engine = RuleEngine.EMPTY;
    private final AtomicLong reloadsStarted = new AtomicLong();
    private long appliedTicket;
    private Disposable poller;

    public RuleCache(RuleStore store, Long engineSeed) {
        this.store = store;
        this.engineSeed = engineSeed;
    }

    public RuleEngine engine() {
        return engine;
    }

    /**
     * Reads the rules and compiles them. Of reloads that overlap, one that started earlier never
     * replaces what a later one applied: a slow periodic re-read must not bring back a rule that a
     * change deleted meanwhile.
     */
    public Mono<RuleEngine> reload() {
        return Mono.defer(() -> {
            long ticket = reloadsStarted.incrementAndGet();
            return store.all().collectList().map(rules -> {
                synchronized (this) {
                    if (ticket > appliedTicket) {
                        appliedTicket = ticket;
                        engine = RuleEngine.compile(rules, engineSeed, engine);
                    }
                    return engine;
                }
            });
        });
    }

    /** A reload requested by a signal: coalesces bursts of signals into one reload. */
    public void reloadSoon() {
        if (reloadQueued.compareAndSet(false, true)) {
            reload().doFinally(s -> reloadQueued.set(false))
                    .subscribe(e -> { }, e -> log.warn("could not reload fault rules: {}", e.toString()));
        }
    }

    public void start(RuleChangeSignal signal, Duration refreshInterval) {
        signal.onChange(this::reloadSoon);
        reload().onErrorResume(e -> {
            log.warn("fault rules not loaded yet ({}); retrying every {}", e.toString(), refreshInterval);
            return Mono.empty();
        }).block(Duration.ofSeconds(30));
        if (!refreshInterval.isZero() && !refreshInterval.isNegative()) {
            poller = Flux.interval(refreshInterval, refreshInterval)
                    .onBackpressureDrop()
                    .concatMap(t -> reload().onErrorResume(e -> Mono.empty()))
                    .subscribe();
        }
    }

    public void stop() {
        if (poller != null) {
            poller.dispose();
        }
    }
}
