package dev.mocks3.faults.store;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;

import dev.mocks3.events.fault.FaultInjected;
import reactor.core.publisher.Mono;

/** Fault events in this JVM, newest last; bounded so a long run cannot exhaust memory. */
public final class InMemoryFaultEventLog implements FaultEventLog {
    private static final int CAPACITY = 100_000;
    private final List<FaultInjected> events = new ArrayList<>();

    @Override
    public synchronized Mono<Void> append(FaultInjected event) {
        if (events.size() == CAPACITY) {
            events.remove(0);
        }
        events.add(event);
        return Mono.empty();
    }

    @Override
    public Mono<EventPage> find(EventQuery q) {
        Predicate<FaultInjected> match = e -> (q.ruleId() == null || q.ruleId().equals(e.ruleId()))
                && (q.requestId() == null || q.requestId().equals(e.requestId()))
                && (q.operation() == null || q.operation().equals(e.operation()))
                && (q.bucket() == null || q.bucket().equals(e.bucket()))
                && (q.action() == null || q.action().equals(e.action()))
                && (q.since() == null || !e.time().isBefore(q.since()))
                && (q.until() == null || e.time().isBefore(q.until()));
        List<FaultInjected> matching;
        synchronized (this) {
            matching = new ArrayList<>(events.stream().filter(match).toList());
        }
        java.util.Collections.reverse(matching);
        List<FaultInjected> page = matching.stream().skip(q.offset()).limit(q.limit()).filter(Objects::nonNull).toList();
        return Mono.just(new EventPage(page, matching.size(), q.limit(), q.offset()));
    }

    @Override
    public synchronized Mono<Long> clear() {
        long n = events.size();
        events.clear();
        return Mono.just(n);
    }
}
