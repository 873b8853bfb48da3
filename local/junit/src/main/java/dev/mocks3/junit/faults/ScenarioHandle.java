package dev.mocks3.junit.faults;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One scenario saved through {@link FaultRules#scenario(String)}: start it (on a sped-up clock if asked),
 * pause, resume, stop, read its {@link #status()}, and {@link #remove()} it. Each command answers the
 * status right after it.
 */
public final class ScenarioHandle {
    /** How long {@link #awaitStatus} waits by default. */
    public static final Duration WAIT = Duration.ofSeconds(30);
    /** The label the server puts on the rules of a running phase: the scenario's id. */
    static final String SCENARIO_LABEL = "mocks3.scenario";
    private static final Set<String> ENDED = Set.of("stopped", "halted", "finished");
    private final FaultRules client;
    private final String id;

    ScenarioHandle(FaultRules client, String id) {
        this.client = client;
        this.id = id;
    }

    public String id() {
        return id;
    }

    /** Starts (or restarts) from the first phase, on a real-time clock. */
    public ScenarioStatus start() {
        return start(1);
    }

    /** Starts (or restarts) from the first phase; {@code speed} 10 runs the scenario's clock ten times faster. */
    public ScenarioStatus start(double speed) {
        return command("start", RulesHttp.JSON.createObjectNode().put("speed", speed));
    }

    /** Stops the clock and lifts the phase's faults until {@link #resume()}. */
    public ScenarioStatus pause() {
        return command("pause", null);
    }

    public ScenarioStatus resume() {
        return command("resume", null);
    }

    /** Ends the run and removes its faults; the scenario stays saved. */
    public ScenarioStatus stop() {
        return command("stop", null);
    }

    public ScenarioStatus status() {
        return ScenarioStatus.of(client.http().get(path()));
    }

    /** Polls the status until {@code condition} holds; fails after {@link #WAIT}. */
    public ScenarioStatus awaitStatus(Predicate<ScenarioStatus> condition) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        ScenarioStatus status = status();
        while (!condition.test(status)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("scenario " + id + " did not reach the awaited status within " + WAIT + ": " + status.json().path("status"));
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted waiting for scenario " + id, e);
            }
            status = status();
        }
        return status;
    }

    /**
     * Waits until the scenario is in this state (e.g. {@code "finished"}); for an end (stopped, halted,
     * finished) also until its rules are gone, since a guard or the last phase reports the state before
     * the server has removed them.
     */
    public ScenarioStatus awaitState(String state) {
        boolean end = ENDED.contains(state);
        return awaitStatus(s -> s.state().equals(state) && (!end || ruleIds().isEmpty()));
    }

    /** The ids of the rules the scenario has in force on the server now. */
    public List<String> ruleIds() {
        List<String> ids = new ArrayList<>();
        client.rules().path("rules").forEach(rule -> {
            if (id.equals(rule.path("labels").path(SCENARIO_LABEL).asText(null))) {
                ids.add(rule.path("id").asText());
            }
        });
        return ids;
    }

    /** Stops the scenario if it runs and deletes it from the server. */
    public void remove() {
        client.http().delete(path());
        client.forget(this);
    }

    private ScenarioStatus command(String command, JsonNode body) {
        return ScenarioStatus.of(client.http().post(path() + "/" + command,
                body == null ? RulesHttp.JSON.createObjectNode() : body, 200));
    }

    private String path() {
        return "/api/v1/scenarios/" + id;
    }

    @Override
    public String toString() {
        return "fault scenario " + id;
    }
}
