package dev.mocks3.junit.faults;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What {@code GET /api/v1/scenarios/{id}} says of a scenario's run.
 *
 * @param state   idle, running, paused, stopped, halted or finished
 * @param phase   the phase under way; null unless running or paused
 * @param elapsed scenario time since the start
 * @param reason  why it ended (e.g. the guard that halted it); null while it runs
 * @param phases  per phase, the requests its rules matched and the faults they injected
 * @param json    the whole answer: the document and its {@code status}
 */
public record ScenarioStatus(String state, Phase phase, Duration elapsed, long cycle, String reason,
                             List<PhaseCounts> phases, JsonNode json) {

    /** The phase under way and the time left in it, in scenario time and in real time. */
    public record Phase(int index, String name, Duration timeLeft, Duration realTimeLeft) {
    }

    public record PhaseCounts(String name, long matched, long injected) {
    }

    static ScenarioStatus of(JsonNode answer) {
        JsonNode status = answer.path("status");
        JsonNode current = status.path("phase");
        Phase phase = current.isObject() ? new Phase(current.path("index").asInt(), current.path("name").asText(),
                Duration.ofMillis(current.path("time_left_ms").asLong()),
                Duration.ofMillis(current.path("real_time_left_ms").asLong())) : null;
        List<PhaseCounts> counts = new ArrayList<>();
        status.path("phases").forEach(p -> counts.add(new PhaseCounts(p.path("name").asText(),
                p.path("matched").asLong(), p.path("injected").asLong())));
        return new ScenarioStatus(status.path("state").asText(), phase, Duration.ofMillis(status.path("elapsed_ms").asLong()),
                status.path("cycle").asLong(), status.hasNonNull("reason") ? status.path("reason").asText() : null,
                List.copyOf(counts), answer);
    }

    /** The name of the phase under way, or null. */
    public String phaseName() {
        return phase == null ? null : phase.name();
    }
}
