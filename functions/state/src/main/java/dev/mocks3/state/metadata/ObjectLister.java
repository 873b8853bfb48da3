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
    private final ObjectStore objects;

    public ObjectLister(ObjectStore objects) {
        this.objects = objects;
    }

    public Mono<Listing> list(String bucket, String prefix, String delimiter, String after, int maxKeys) {
        Page page = new Page(new KeyFolding(prefix, delimiter), maxKeys);
        if (maxKeys <= 0) {
            // as S3: max-keys=0 lists nothing and is not truncated, whatever the bucket holds
            return Mono.just(new Listing(List.of(), List.of(), false, null));
        }
        return fill(bucket, page, page.folding.resumeAfter(after));
    }

    private Mono<Listing> fill(String bucket, Page page, String cursor) {
        return objects.page(bucket, page.folding.prefix, cursor, BATCH).collectList().flatMap(batch -> {
            String next = page.take(batch);
            if (page.done || batch.size() < BATCH && next == null) {
                return Mono.just(page.toListing());
            }
            return fill(bucket, page, next != null ? next : batch.get(batch.size() - 1).key());
        });
    }

    /** Accumulates one page; {@link #take} returns a cursor to jump to after a common prefix. */
    private static final class Page {
        final KeyFolding folding;
        final int maxKeys;
        final List<ObjectRecord> contents = new ArrayList<>();
        final List<String> prefixes = new ArrayList<>();
        String last;
        boolean done;
        boolean truncated;

        Page(KeyFolding folding, int maxKeys) {
            this.folding = folding;
            this.maxKeys = maxKeys;
        }

        String take(List<ObjectRecord> batch) {
            for (ObjectRecord object : batch) {
                if (contents.size() + prefixes.size() >= maxKeys) {
                    truncated = true;
                    done = true;
                    return null;
                }
                String common = folding.commonPrefixOf(object.key());
                if (common != null) {
                    prefixes.add(common);
                    last = common;
                    return common + KeyFolding.AFTER_ALL;
                }
                contents.add(object);
                last = object.key();
            }
            return null;
        }

        Listing toListing() {
            return new Listing(contents, prefixes, truncated, last);
        }
    }
}
