package dev.mocks3.junit.faults;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/** How long a delay lasts: fixed, or drawn from a distribution (the rule's {@code seed} makes draws repeatable). */
public final class Wait {
    private final Map<String, Object> fields;

    private Wait(Map<String, Object> fields) {
        this.fields = fields;
    }

    public static Wait fixed(Duration duration) {
        return new Wait(Map.of("delay", millis(duration)));
    }

    public static Wait uniform(Duration min, Duration max) {
        return distribution("uniform", "min", min, "max", max);
    }

    public static Wait normal(Duration mean, Duration stddev) {
        return distribution("normal", "mean", mean, "stddev", stddev);
    }

    public static Wait exponential(Duration mean) {
        return distribution("exponential", "mean", mean);
    }

    Map<String, Object> fields() {
        return fields;
    }

    /** Durations as the rule document writes them. */
    static String millis(Duration duration) {
        return duration.toMillis() + "ms";
    }

    private static Wait distribution(String name, Object... namesAndDurations) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("distribution", name);
        for (int i = 0; i < namesAndDurations.length; i += 2) {
            fields.put((String) namesAndDurations[i], millis((Duration) namesAndDurations[i + 1]));
        }
        return new Wait(fields);
    }
}
