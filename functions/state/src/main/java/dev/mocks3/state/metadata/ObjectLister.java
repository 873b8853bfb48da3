package dev.mocks3.state.metadata;

import java.util.ArrayList;
import java.util.List;

import reactor.core.publisher.Mono;

/**
 * Lists a bucket the way S3 does: keys in binary order after a marker, folded into common
 * prefixes at the delimiter, at most {@code maxKeys} entries (keys and prefixes together).
 * Keys under an already returned common prefix are skipped in the database, not read.
 */
public final class ObjectLister {
    private static final int BATCH = 1000;
    /** Sorts after every key that starts with the text before it. */
    private static final String AFTER_ALL = "\uDBFF\uDFFF";
    private final ObjectStore objects;

    public ObjectLister(ObjectStore objects) {
        this.objects = objects;
    }

    public Mono<Listing> list(String bucket, String prefix, String delimiter, String after, int maxKeys) {
        Page page = new Page(prefix == null ? "" : prefix, delimiter == null || delimiter.isEmpty() ? null : delimiter, maxKeys);
        if (maxKeys <= 0) {
            // as S3: max-keys=0 lists nothing and is not truncated, whatever the bucket holds
            return Mono.just(new Listing(List.of(), List.of(), false, null));
        }
        String cursor = after == null ? "" : after;
        if (page.delimiter != null && cursor.startsWith(page.prefix) && cursor.endsWith(page.delimiter)
                && cursor.length() > page.prefix.length()) {
            // a marker that is a common prefix: everything under it was already returned as that prefix
            cursor = cursor + AFTER_ALL;
        }
        return fill(bucket, page, cursor);
    }

    private Mono<Listing> fill(String bucket, Page page, String cursor) {
        return objects.page(bucket, page.prefix, cursor, BATCH).collectList().flatMap(batch -> {
            String next = page.take(batch);
            if (page.done || batch.size() < BATCH && next == null) {
                return Mono.just(page.toListing());
            }
            return fill(bucket, page, next != null ? next : batch.get(batch.size() - 1).key());
        });
    }

    /** Accumulates one page; {@link #take} returns a cursor to jump to after a common prefix. */
    private static final class Page {
        final String prefix;
        final String delimiter;
        final int maxKeys;
        final List<ObjectRecord> contents = new ArrayList<>();
        final List<String> prefixes = new ArrayList<>();
        String last;
        boolean done;
        boolean truncated;

        Page(String prefix, String delimiter, int maxKeys) {
            this.prefix = prefix;
            this.delimiter = delimiter;
            this.maxKeys = maxKeys;
        }

        String take(List<ObjectRecord> batch) {
            for (ObjectRecord object : batch) {
                if (contents.size() + prefixes.size() >= maxKeys) {
                    truncated = true;
                    done = true;
                    return null;
                }
                String common = commonPrefixOf(object.key());
                if (common != null) {
                    prefixes.add(common);
                    last = common;
                    return common + AFTER_ALL;
                }
                contents.add(object);
                last = object.key();
            }
            return null;
        }

        private String commonPrefixOf(String key) {
            if (delimiter == null) {
                return null;
            }
            int at = key.indexOf(delimiter, prefix.length());
            return at < 0 ? null : key.substring(0, at + delimiter.length());
        }

        Listing toListing() {
            return new Listing(contents, prefixes, truncated, last);
        }
    }
}
