package dev.mocks3.drive.search;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import dev.mocks3.drive.http.DriveError;
import dev.mocks3.drive.http.DriveInput;

/**
 * A search of the caller's files, read from the query parameters: {@code keyword} (terms separated
 * by spaces, all must match), {@code match} ({@code any}: anywhere in the name, the default;
 * {@code word}: whole words; {@code prefix}: beginnings of words), {@code type} (kinds, comma
 * separated), {@code minSize}/{@code maxSize} (bytes), {@code from}/{@code to} (last change, epoch
 * seconds), {@code sort} ({@code relevance} or {@code time}), {@code order}, {@code page} and
 * {@code pageSize}.
 */
record SearchQuery(List<String> terms, String match, Set<FileKind> kinds, Long minSize, Long maxSize, Instant from,
                   Instant to, boolean byTime, boolean ascending, int page, int pageSize) {
    static final int MAX_PAGE_SIZE = 100;
    private static final int MAX_TERMS = 8;
    private static final int MAX_KEYWORD = 100;
    /** How many of the newest matches relevance ranks (more when a page reaches further). */
    static final int RANKED = 200;

    static SearchQuery from(DriveInput input) {
        String keyword = input.text("keyword").strip();
        if (keyword.isEmpty() || keyword.codePointCount(0, keyword.length()) > MAX_KEYWORD) {
            throw DriveError.BAD_REQUEST.exception("keyword must have 1 to " + MAX_KEYWORD + " characters");
        }
        List<String> terms = Arrays.stream(SearchNames.fold(keyword).split("\\s+")).filter(t -> !t.isEmpty()).distinct().toList();
        if (terms.size() > MAX_TERMS) {
            throw DriveError.BAD_REQUEST.exception("keyword must have at most " + MAX_TERMS + " terms");
        }
        String match = input.choice("match", "any", "any", "word", "prefix");
        if (!match.equals("any") && terms.stream().allMatch(t -> SearchNames.words(t).isEmpty())) {
            throw DriveError.BAD_REQUEST.exception("keyword has no letter or digit to match words with");
        }
        Set<FileKind> kinds = new LinkedHashSet<>();
        String types = input.text("type", "").strip();
        for (String label : types.isEmpty() ? new String[0] : types.split(",")) {
            FileKind kind = FileKind.ofLabel(label.strip().toLowerCase(java.util.Locale.ROOT));
            if (kind == null) {
                throw DriveError.BAD_REQUEST.exception("type must be among document, image, video, audio, archive, other, folder");
            }
            kinds.add(kind);
        }
        long minSize = input.number("minSize", -1, -1, Long.MAX_VALUE);
        long maxSize = input.number("maxSize", -1, -1, Long.MAX_VALUE);
        long from = input.number("from", -1, -1, Long.MAX_VALUE / 1000);
        long to = input.number("to", -1, -1, Long.MAX_VALUE / 1000);
        boolean byTime = "time".equals(input.choice("sort", "relevance", "relevance", "time"));
        boolean ascending = "asc".equals(input.choice("order", "desc", "asc", "desc"));
        int page = (int) input.number("page", 1, 1, 10_000);
        int pageSize = (int) input.number("pageSize", 20, 1, MAX_PAGE_SIZE);
        return new SearchQuery(terms, match, kinds, minSize < 0 ? null : minSize, maxSize < 0 ? null : maxSize,
                from < 0 ? null : Instant.ofEpochSecond(from), to < 0 ? null : Instant.ofEpochSecond(to),
                byTime, ascending, page, pageSize);
    }

    /** The statement and its arguments ($1 is the user), fetching one row more than the page to tell whether more follow. */
    Sql sql(long user) {
        List<Object> args = new ArrayList<>(List.of(user));
        StringBuilder where = new StringBuilder("user_id = $1");
        List<String> words = terms.stream().flatMap(t -> SearchNames.words(t).stream()).distinct().toList();
        String wordQuery = String.join(" & ", words);
        String prefixQuery = String.join(" & ", words.stream().map(w -> w + ":*").toList());
        switch (match) {
            case "word" -> where.append(" and words @@ to_tsquery('simple', ").append(arg(args, wordQuery)).append(')');
            case "prefix" -> where.append(" and words @@ to_tsquery('simple', ").append(arg(args, prefixQuery)).append(')');
            default -> {
                for (String term : terms) {
                    String key = SearchNames.key(term);
                    // a key of 3 characters or more has trigrams for the GIN index; the folded name decides
                    if (key.length() >= 3) {
                        where.append(" and name_key like ").append(arg(args, "%" + escapeLike(key) + "%"));
                    }
                    where.append(" and strpos(name_fold, ").append(arg(args, term)).append(") > 0");
                }
            }
        }
        if (!kinds.isEmpty()) {
            where.append(" and kind = any(").append(arg(args, kinds.stream().map(FileKind::label).toArray(String[]::new))).append(')');
        }
        if (minSize != null) {
            where.append(" and size >= ").append(arg(args, minSize));
        }
        if (maxSize != null) {
            where.append(" and size <= ").append(arg(args, maxSize));
        }
        if (from != null) {
            where.append(" and updated_at >= ").append(arg(args, from.atOffset(ZoneOffset.UTC)));
        }
        if (to != null) {
            where.append(" and updated_at <= ").append(arg(args, to.atOffset(ZoneOffset.UTC)));
        }
        String columns = "entry_id, parent_id, name, folder, kind, size, updated_at";
        long offset = (long) (page - 1) * pageSize;
        String window = " limit " + (pageSize + 1) + " offset " + offset;
        if (byTime) {
            String dir = ascending ? "asc" : "desc";
            return new Sql("select " + columns + " from drive_search where " + where + " order by updated_at " + dir
                    + ", entry_id " + dir + window, args);
        }
        // relevance ranks the newest matches (a bounded number, so a common term costs no more than a rare one):
        // the whole name, then whole words, then word beginnings, then anywhere; the newest first within each
        String full = arg(args, String.join(" ", terms));
        String rank = words.isEmpty() ? "(name_fold = " + full + ")::int * 4"
                : "(name_fold = " + full + ")::int * 4 + (words @@ to_tsquery('simple', " + arg(args, wordQuery) + "))::int * 2 "
                + "+ (words @@ to_tsquery('simple', " + arg(args, prefixQuery) + "))::int";
        long candidates = Math.max(RANKED, offset + pageSize + 1);
        return new Sql("select " + columns + " from (select " + columns + ", name_fold, words from drive_search where " + where
                + " order by updated_at desc, entry_id desc limit " + candidates + ") newest order by " + rank
                + " desc, updated_at desc, entry_id desc" + window, args);
    }

    record Sql(String text, List<Object> args) {
    }

    private static String arg(List<Object> args, Object value) {
        args.add(value);
        return "$" + args.size();
    }

    private static String escapeLike(String s) {
        return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
