package dev.mocks3.faults.scenario;

import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A condition that stops every fault of a scenario at once when it holds. Times are scenario time
 * (sped up with the scenario).
 */
public sealed interface Guard {

    /**
     * Of the requests the scenario's rules matched over the last {@code window}, more than {@code above}
     * (0..1) got a fault; judged once at least {@code minRequests} were matched in the window.
     */
    record FailureShare(double above, Duration window, long minRequests) implements Guard {
    }

    /** The scenario injected more than {@code max} faults in all. */
    record InjectedFaults(long max) implements Guard {
    }

    /** The scenario has run for {@code after}. */
    record Deadline(Duration after) implements Guard {
    }

    static Guard read(JsonNode node, String at) {
        String type = node.path("type").asText("");
        return switch (type) {
            case "failure_share" -> {
                double above = node.path("above").asDouble(-1);
                if (above < 0 || above > 1) {
                    throw new IllegalArgumentException(at + ".above: a share between 0 and 1 is required");
                }
                yield new FailureShare(above, node.has("window") ? Scenario.duration(node.get("window"), at + ".window")
                        : Duration.ofSeconds(30), node.path("min_requests").asLong(10));
            }
            case "injected_faults" -> {
                long max = node.path("max").asLong(-1);
                if (max < 0) {
                    throw new IllegalArgumentException(at + ".max: a count is required");
                }
                yield new InjectedFaults(max);
            }
            case "deadline" -> new Deadline(Scenario.duration(node.get("after"), at + ".after"));
            default -> throw new IllegalArgumentException(at + ".type: one of failure_share, injected_faults, deadline");
        };
    }
}
