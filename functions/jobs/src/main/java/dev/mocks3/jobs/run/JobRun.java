package dev.mocks3.jobs.run;

import java.util.Map;

/**
 * What became of one job event: {@code ran} false when the event had been run before (or is being
 * run now), in which case {@code result} is the earlier run's, when it finished.
 */
public record JobRun(String eventId, String type, boolean ran, Map<String, Object> result) {
    public JobRun {
        result = result == null ? Map.of() : Map.copyOf(result);
    }
}
