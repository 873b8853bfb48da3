package dev.mocks3.local.observe;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The metric names and label names a PromQL expression uses, read by a small tokenizer (there is no
 * maintained PromQL parser for Java on Maven Central): an identifier followed by {@code (} is a
 * function or aggregation; the list after {@code by}, {@code without}, {@code on}, {@code ignoring},
 * {@code group_left}, {@code group_right} holds label names; inside {@code {...}} the names before a
 * match operator are label names; any other identifier is a metric name. Strings, range and
 * subquery brackets and numbers are skipped; Grafana's {@code $__...} variables are replaced first.
 */
final class PromQlNames {
    private static final Set<String> LABEL_LISTS = Set.of("by", "without", "on", "ignoring", "group_left", "group_right");
    private static final Set<String> KEYWORDS = Set.of("and", "or", "unless", "bool", "offset", "inf", "nan");
    private static final Pattern IDENTIFIER = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");

    final Set<String> metrics = new LinkedHashSet<>();
    final Set<String> labels = new LinkedHashSet<>();

    static PromQlNames of(String expression) {
        PromQlNames names = new PromQlNames();
        String e = expression.replaceAll("\\$__[a-z_]+", "1m").replaceAll("\\[[^\\]]*\\]", " ");
        int i = 0;
        while (i < e.length()) {
            char c = e.charAt(i);
            if (c == '"' || c == '\'' || c == '`') {
                i = endOfString(e, i);
            } else if (c == '{') {
                int end = e.indexOf('}', i);
                names.matchers(e.substring(i + 1, end));
                i = end + 1;
            } else if (Character.isDigit(c) || (c == '.' && i + 1 < e.length() && Character.isDigit(e.charAt(i + 1)))) {
                while (i < e.length() && (Character.isLetterOrDigit(e.charAt(i)) || e.charAt(i) == '.')) {
                    i++;
                }
            } else if (Character.isLetter(c) || c == '_' || c == ':') {
                Matcher m = IDENTIFIER.matcher(e);
                m.find(i);
                String word = m.group();
                i = m.end();
                int next = skipSpaces(e, i);
                if (LABEL_LISTS.contains(word)) {
                    if (next < e.length() && e.charAt(next) == '(') {
                        int close = e.indexOf(')', next);
                        for (String label : e.substring(next + 1, close).split(",")) {
                            if (!label.isBlank()) {
                                names.labels.add(label.trim());
                            }
                        }
                        i = close + 1;
                    }
                } else if (KEYWORDS.contains(word.toLowerCase())) {
                    continue;
                } else if (next < e.length() && e.charAt(next) == '(' || followedByModifier(e, next)) {
                    // a function, or an aggregation written "sum by (label) (...)"
                    continue;
                } else {
                    names.metrics.add(word);
                }
            } else {
                i++;
            }
        }
        return names;
    }

    private void matchers(String body) {
        int i = 0;
        while (i < body.length()) {
            char c = body.charAt(i);
            if (c == '"' || c == '\'' || c == '`') {
                i = endOfString(body, i);
            } else if (Character.isLetter(c) || c == '_') {
                Matcher m = IDENTIFIER.matcher(body);
                m.find(i);
                if ("__name__".equals(m.group())) {
                    throw new IllegalArgumentException("a metric named by __name__ cannot be checked: " + body);
                }
                labels.add(m.group());
                i = m.end();
            } else {
                i++;
            }
        }
    }

    private static int endOfString(String s, int start) {
        char quote = s.charAt(start);
        int i = start + 1;
        while (s.charAt(i) != quote) {
            i += s.charAt(i) == '\\' ? 2 : 1;
        }
        return i + 1;
    }

    private static boolean followedByModifier(String s, int at) {
        Matcher m = IDENTIFIER.matcher(s);
        return m.find(at) && m.start() == at && ("by".equals(m.group()) || "without".equals(m.group()));
    }

    private static int skipSpaces(String s, int i) {
        while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
            i++;
        }
        return i;
    }
}
