package dev.mocks3.state.metadata;

/**
 * How both listings fold keys at a delimiter: which common prefix a key falls under, and where a
 * listing resumes so that keys under an already returned prefix are skipped in the database.
 */
final class KeyFolding {
    /** Sorts after every key that starts with the text before it. */
    static final String AFTER_ALL = "\uDBFF\uDFFF";
    final String prefix;
    final String delimiter;

    KeyFolding(String prefix, String delimiter) {
        this.prefix = prefix == null ? "" : prefix;
        this.delimiter = delimiter == null || delimiter.isEmpty() ? null : delimiter;
    }

    /** The common prefix the key is folded into, or null when it is listed itself. */
    String commonPrefixOf(String key) {
        if (delimiter == null) {
            return null;
        }
        int at = key.indexOf(delimiter, prefix.length());
        return at < 0 ? null : key.substring(0, at + delimiter.length());
    }

    /** The key to list after for {@code marker}: past everything under it when it is a common prefix. */
    String resumeAfter(String marker) {
        String cursor = marker == null ? "" : marker;
        if (delimiter != null && cursor.startsWith(prefix) && cursor.endsWith(delimiter) && cursor.length() > prefix.length()) {
            return cursor + AFTER_ALL;
        }
        return cursor;
    }
}
