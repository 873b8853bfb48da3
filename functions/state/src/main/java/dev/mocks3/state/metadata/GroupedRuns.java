package dev.mocks3.state.metadata;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.function.Function;

import reactor.core.publisher.Mono;
import reactor.core.publisher.MonoSink;

/**
 * Runs work for many callers at once, like a group commit: a caller that arrives while no run is
 * under way starts one at once; callers that arrive during a run wait, and all of them share the
 * next run. So a lone caller never waits for others, and under load one run (one transaction)
 * serves many. Each caller's Mono ends when the run that included its item has ended.
 */
final class GroupedRuns {
    private record Waiter(String item, MonoSink<Void> sink) {
    }

    private final Function<List<String>, Mono<Void>> run;
    private final int maxItems;
    private final Deque<Waiter> queued = new ArrayDeque<>();
    private boolean running;

    /** {@code run} gets the distinct items of a group, at most {@code maxItems} of them. */
    GroupedRuns(Function<List<String>, Mono<Void>> run, int maxItems) {
        this.run = run;
        this.maxItems = maxItems;
    }

    /** Completes (or fails) when a run that included {@code item} has. */
    Mono<Void> submit(String item) {
        return Mono.create(sink -> {
            boolean start;
            synchronized (this) {
                queued.add(new Waiter(item, sink));
                start = !running;
                running = true;
            }
            if (start) {
                runNext();
            }
        });
    }

    private void runNext() {
        List<Waiter> group = new ArrayList<>();
        LinkedHashSet<String> items = new LinkedHashSet<>();
        synchronized (this) {
            while (!queued.isEmpty() && (items.size() < maxItems || items.contains(queued.peekFirst().item()))) {
                Waiter next = queued.pollFirst();
                group.add(next);
                items.add(next.item());
            }
            if (group.isEmpty()) {
                running = false;
                return;
            }
        }
        Mono<Void> work;
        try {
            work = run.apply(List.copyOf(items));
        } catch (RuntimeException e) {
            work = Mono.error(e);
        }
        work.subscribe(null, error -> {
            group.forEach(waiter -> waiter.sink().error(error));
            runNext();
        }, () -> {
            group.forEach(waiter -> waiter.sink().success());
            runNext();
        });
    }
}
