package dev.mocks3.junit.faults;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One rule added through {@link FaultRules}: what it did ({@link #triggered()}, {@link #events()}), the
 * requests it saw ({@link #attempts()}), assertions over them, and {@link #remove()}. The server counts
 * and logs faults off the request path, so the assertions wait (up to {@link #SETTLE}) for the log to
 * catch up before they judge.
 */
public final class FaultHandle {
    /** How long assertions wait for the event log and stats to show what already happened. */
    public static final Duration SETTLE = Duration.ofSeconds(5);
    private static final Comparator<FaultEvent> OLDEST_FIRST = Comparator.comparing(FaultEvent::time);
    private final FaultRules client;
    private final String id;
    private final String attemptLogId;

    FaultHandle(FaultRules client, String id, String attemptLogId) {
        this.client = client;
        this.id = id;
        this.attemptLogId = attemptLogId;
    }

    public String id() {
        return id;
    }

    /** The rule as the server holds it, with its stats. */
    public JsonNode rule() {
        return client.http().get("/api/v1/rules/" + id);
    }

    /** How many faults the rule injected (the rule's stats, summed every 200 ms by the server). */
    public long triggered() {
        return rule().path("stats").path("triggered").asLong();
    }

    /** How many requests were in the rule's scope (whether or not they got the fault). */
    public long matched() {
        return rule().path("stats").path("matched").asLong();
    }

    /** The faults the rule injected, oldest first. */
    public List<FaultEvent> events() {
        List<FaultEvent> events = new ArrayList<>(client.events(id));
        events.sort(OLDEST_FIRST);
        return events;
    }

    /** Every request in the rule's scope, faulted or not, oldest first (needs the attempt log). */
    public List<FaultEvent> attempts() {
        if (attemptLogId == null) {
            throw new IllegalStateException("rule " + id + " was added withoutAttemptLog()");
        }
        List<FaultEvent> attempts = new ArrayList<>(client.events(attemptLogId));
        attempts.sort(OLDEST_FIRST);
        return attempts;
    }

    /** Waits until the rule injected at least {@code n} faults and the log shows them; fails after {@link #SETTLE}. */
    public FaultHandle awaitTriggered(long n) {
        if (!eventually(() -> events().size() >= n)) {
            throw new AssertionError("rule " + id + " injected " + events().size() + " faults within " + SETTLE
                    + ", expected at least " + n);
        }
        return this;
    }

    /** Asserts the rule injected exactly {@code n} faults. */
    public FaultHandle assertTriggered(long n) {
        eventually(() -> events().size() >= n);
        long logged = events().size();
        if (logged != n) {
            throw new AssertionError("rule " + id + " injected " + logged + " faults, expected " + n);
        }
        return this;
    }

    /**
     * Asserts that after every fault the rule injected the client asked again: a later request for the
     * same operation, bucket and key reached MockS3. Fails also when the rule injected nothing.
     */
    public FaultHandle assertEveryFaultRetried() {
        return assertEventually(() -> {
            List<FaultEvent> faults = events();
            List<FaultEvent> attempts = attempts();
            List<String> notRetried = faults.stream()
                    .filter(fault -> attempts.stream().noneMatch(a -> a.target().equals(fault.target())
                            && !a.requestId().equals(fault.requestId()) && a.time().isAfter(fault.time())))
                    .map(fault -> fault.target() + " (" + fault.outcome() + " at " + fault.time() + ")")
                    .toList();
            return faults.isEmpty() ? "rule " + id + " injected no fault"
                    : notRetried.isEmpty() ? null
                    : notRetried.size() + " of " + faults.size() + " injected faults were not retried: " + notRetried;
        });
    }

    /**
     * Asserts that for every operation, bucket and key the rule faulted, the last request MockS3 saw was
     * not faulted by this rule: the client retried until it got through.
     */
    public FaultHandle assertEveryKeyRecovered() {
        return assertEventually(() -> {
            List<FaultEvent> faults = events();
            Set<String> faulted = faults.stream().map(FaultEvent::requestId).collect(Collectors.toSet());
            Map<String, FaultEvent> lastAttempt = attempts().stream().collect(Collectors.toMap(FaultEvent::target,
                    a -> a, (a, b) -> b.time().isAfter(a.time()) ? b : a));
            List<String> stuck = faults.stream().map(FaultEvent::target).distinct()
                    .filter(t -> lastAttempt.get(t) == null || faulted.contains(lastAttempt.get(t).requestId()))
                    .toList();
            return faults.isEmpty() ? "rule " + id + " injected no fault"
                    : stuck.isEmpty() ? null : "the last request of " + stuck + " still got the fault";
        });
    }

    /** Switches the rule off; it stays on the server. */
    public FaultHandle disable() {
        client.http().post("/api/v1/rules/" + id + "/disable", null, 200);
        return this;
    }

    public FaultHandle enable() {
        client.http().post("/api/v1/rules/" + id + "/enable", null, 200);
        return this;
    }

    /** Removes the rule (and its attempt log) from the server. */
    public void remove() {
        client.http().delete("/api/v1/rules/" + id);
        if (attemptLogId != null) {
            client.http().delete("/api/v1/rules/" + attemptLogId);
        }
        client.forget(this);
    }

    /** Checks until {@code failure} answers null, for at most {@link #SETTLE}; then fails with its last answer. */
    private FaultHandle assertEventually(Supplier<String> failure) {
        String[] last = new String[1];
        if (!eventually(() -> (last[0] = failure.get()) == null)) {
            throw new AssertionError(last[0]);
        }
        return this;
    }

    private static boolean eventually(BooleanSupplier condition) {
        long deadline = System.nanoTime() + SETTLE.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        return "fault rule " + id;
    }
}
