package dev.mocks3.faults.engine;

import java.util.function.Predicate;
import java.util.regex.Pattern;

import dev.mocks3.faults.rule.TextMatch;

/** Compiles a {@link TextMatch} once into the cheapest test that does the job. */
final class TextMatcher {

    private TextMatcher() {
    }

    /** A test on a possibly-null value (null = absent). */
    static Predicate<String> compile(TextMatch match) {
        String v = match.value();
        return switch (match.mode()) {
            case PRESENT -> s -> s != null;
            case ABSENT -> s -> s == null;
            case EQUALS -> v::equals;
            case PREFIX -> s -> s != null && s.startsWith(v);
            case SUFFIX -> s -> s != null && s.endsWith(v);
            case REGEX -> {
                Pattern p = Pattern.compile(v);
                yield s -> s != null && p.matcher(s).matches();
            }
            case GLOB -> glob(v);
        };
    }

    private static Predicate<String> glob(String glob) {
        if (glob.equals("*") || glob.equals("**")) {
            return s -> s != null && (glob.equals("**") || s.indexOf('/') < 0);
        }
        // a trailing "**" with no other wildcard is a plain prefix test
        String head = glob.endsWith("**") ? glob.substring(0, glob.length() - 2) : null;
        if (head != null && head.indexOf('*') < 0 && head.indexOf('?') < 0) {
            return s -> s != null && s.startsWith(head);
        }
        Pattern p = Pattern.compile(globToRegex(glob));
        return s -> s != null && p.matcher(s).matches();
    }

    static String globToRegex(String glob) {
        StringBuilder re = new StringBuilder();
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            if (c == '*') {
                if (i + 1 < glob.length() && glob.charAt(i + 1) == '*') {
                    re.append(".*");
                    i++;
                } else {
                    re.append("[^/]*");
                }
            } else if (c == '?') {
                re.append("[^/]");
            } else if ("\\.[]{}()+-^$|".indexOf(c) >= 0) {
                re.append('\\').append(c);
            } else {
                re.append(c);
            }
        }
        return re.toString();
    }
}
