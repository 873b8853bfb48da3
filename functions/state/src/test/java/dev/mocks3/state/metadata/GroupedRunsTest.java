package dev.mocks3.state.metadata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/** The after-commit blob checks of many writers share one run (one transaction) when they arrive during another. */
class GroupedRunsTest {
    private final List<List<String>> runs = new ArrayList<>();
    private final List<Sinks.Empty<Void>> ends = new ArrayList<>();
    private final GroupedRuns grouped = new GroupedRuns(items -> {
        Sinks.Empty<Void> end = Sinks.empty();
        synchronized (runs) {
            runs.add(items);
            ends.add(end);
        }
        return end.asMono();
    }, 3);

    @Test
    void aLoneCallerRunsAtOnceAndCallersArrivingMeanwhileShareTheNextRun() {
        var first = grouped.submit("a").toFuture();
        assertThat(runs).containsExactly(List.of("a"));

        var second = grouped.submit("b").toFuture();
        var third = grouped.submit("c").toFuture();
        var again = grouped.submit("b").toFuture();
        assertThat(runs).hasSize(1);
        assertThat(second).isNotDone();

        ends.get(0).tryEmitEmpty();
        assertThat(first).isCompleted();
        assertThat(runs).containsExactly(List.of("a"), List.of("b", "c"));
        assertThat(second).isNotDone();

        ends.get(1).tryEmitEmpty();
        assertThat(second).isCompleted();
        assertThat(third).isCompleted();
        assertThat(again).isCompleted();
        assertThat(runs).hasSize(2);
    }

    @Test
    void aRunTakesAtMostItsLimitAndTheRestFollow() {
        grouped.submit("first").subscribe();
        List<String> items = List.of("1", "2", "3", "4");
        items.forEach(item -> grouped.submit(item).subscribe());

        ends.get(0).tryEmitEmpty();
        ends.get(1).tryEmitEmpty();

        assertThat(runs).containsExactly(List.of("first"), List.of("1", "2", "3"), List.of("4"));
    }

    @Test
    void aFailedRunFailsItsCallersAndTheNextRunStillHappens() {
        var first = grouped.submit("a").toFuture();
        var second = grouped.submit("b").toFuture();

        ends.get(0).tryEmitError(new IllegalStateException("database gone"));

        assertThatThrownBy(first::join).hasMessageContaining("database gone");
        assertThat(runs).containsExactly(List.of("a"), List.of("b"));
        ends.get(1).tryEmitEmpty();
        assertThat(Mono.fromFuture(second).timeout(Duration.ofSeconds(1)).then(Mono.just(true)).block()).isTrue();
    }
}
