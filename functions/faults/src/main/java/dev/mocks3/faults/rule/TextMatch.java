package dev.mocks3.faults.rule;

/**
 * How a condition compares a text (bucket, key, header or query value).
 * Globs: {@code *} matches within one path segment, {@code **} across segments, {@code ?} one character.
 */
public record TextMatch(Mode mode, String value) {

    public enum Mode {
        EQUALS, PREFIX, SUFFIX, GLOB, REGEX, PRESENT, ABSENT;

        public String id() {
            return name().toLowerCase();
        }
    }

    public static TextMatch present() {
        return new TextMatch(Mode.PRESENT, null);
    }
}
