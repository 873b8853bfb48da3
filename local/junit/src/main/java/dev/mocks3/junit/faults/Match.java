package dev.mocks3.junit.faults;

import java.util.Map;

/**
 * How a condition compares a text (bucket, key, header or query value). Globs: {@code *} within one
 * path segment, {@code **} across segments.
 */
public final class Match {
    private final Map<String, Object> fields;

    private Match(Map<String, Object> fields) {
        this.fields = fields;
    }

    public static Match equalTo(String value) {
        return new Match(Map.of("value", value));
    }

    public static Match prefix(String prefix) {
        return new Match(Map.of("prefix", prefix));
    }

    public static Match suffix(String suffix) {
        return new Match(Map.of("suffix", suffix));
    }

    public static Match glob(String glob) {
        return new Match(Map.of("glob", glob));
    }

    public static Match regex(String regex) {
        return new Match(Map.of("regex", regex));
    }

    /** For headers and query parameters: the request has it. */
    public static Match present() {
        return new Match(Map.of("present", true));
    }

    /** For headers and query parameters: the request lacks it. */
    public static Match absent() {
        return new Match(Map.of("present", false));
    }

    Map<String, Object> fields() {
        return fields;
    }
}
