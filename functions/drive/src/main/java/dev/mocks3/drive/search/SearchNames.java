package dev.mocks3.drive.search;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The searchable forms of a name, made the same way for what is indexed and for what is searched:
 * the name folded to lower case, its trigram key, and its words.
 */
final class SearchNames {

    private SearchNames() {
    }

    /** Lower case by Unicode's rules, whatever the database's collation. */
    static String fold(String name) {
        return name.toLowerCase(Locale.ROOT);
    }

    /**
     * The folded name with each character outside ASCII written as {@code z} and 5 hex digits of
     * its code point. pg_trgm under the C ctype drops every non-ASCII character; written this way a
     * Chinese name has trigrams, and so has a 2-character Chinese query. A name holding the query
     * always holds the query's key; the reverse may fail (an ASCII query matching inside a code),
     * which the exact check on the folded name sorts out.
     */
    static String key(String folded) {
        StringBuilder key = new StringBuilder(folded.length());
        folded.codePoints().forEach(c -> {
            if (c < 0x80) {
                key.append((char) c);
            } else {
                String hex = Integer.toHexString(c);
                key.append('z').append("0".repeat(Math.max(0, 5 - hex.length()))).append(hex);
            }
        });
        return key.toString();
    }

    /** The words of a folded name: runs of letters and digits. */
    static List<String> words(String folded) {
        return Arrays.stream(folded.split("[^\\p{L}\\p{N}]+")).filter(w -> !w.isEmpty()).toList();
    }
}
