package dev.mocks3.faults.rule;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * How a condition compares a text (bucket, key, header or query value).
 * Globs: {@code *} matches within one path segment, {@code **} across segments, {@code ?} one character.
 * In a condition it is one field: {@code value} (equals), {@code prefix}, {@code suffix}, {@code glob},
 * {@code regex}, or for headers and queries {@code present}.
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

    /**
     * The one match a condition gives; errors name the field relative to the condition.
     *
     * @param present null when not given, or for conditions without presence tests
     */
    static TextMatch of(String value, String equals, String prefix, String suffix, String glob, String regex,
                        Boolean present, boolean allowPresence) {
        List<TextMatch> found = new ArrayList<>();
        add(found, "value", Mode.EQUALS, value);
        add(found, "equals", Mode.EQUALS, equals);
        add(found, "prefix", Mode.PREFIX, prefix);
        add(found, "suffix", Mode.SUFFIX, suffix);
        add(found, "glob", Mode.GLOB, glob);
        add(found, "regex", Mode.REGEX, regex);
        if (allowPresence && present != null) {
            found.add(new TextMatch(present ? Mode.PRESENT : Mode.ABSENT, null));
        }
        if (found.isEmpty()) {
            if (allowPresence) {
                return present();
            }
            throw new InvalidRuleException("value", "give one of value, prefix, suffix, glob, regex");
        }
        if (found.size() > 1) {
            throw new InvalidRuleException("", "give only one of value, prefix, suffix, glob, regex"
                    + (allowPresence ? ", present" : ""));
        }
        return found.get(0);
    }

    private static void add(List<TextMatch> found, String field, Mode mode, String text) {
        if (text == null) {
            return;
        }
        if (text.isEmpty()) {
            throw new InvalidRuleException(field, "is required");
        }
        if (mode == Mode.REGEX) {
            try {
                Pattern.compile(text);
            } catch (PatternSyntaxException e) {
                throw new InvalidRuleException(field, "not a regular expression: " + e.getDescription());
            }
        }
        found.add(new TextMatch(mode, text));
    }

    /** The field as written in a condition. */
    Map<String, Object> fields() {
        Map<String, Object> out = new LinkedHashMap<>();
        switch (mode) {
            case PRESENT -> out.put("present", true);
            case ABSENT -> out.put("present", false);
            case EQUALS -> out.put("value", value);
            default -> out.put(mode.id(), value);
        }
        return out;
    }
}
