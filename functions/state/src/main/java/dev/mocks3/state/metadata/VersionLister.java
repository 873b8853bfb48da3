package dev.mocks3.state.metadata;

import java.util.ArrayList;
import java.util.List;

import reactor.core.publisher.Mono;

/**
 * Lists the versions of a bucket's keys as S3 does: after the key marker (and, within it, after the
 * version id marker), folded into common prefixes at the delimiter, at most {@code maxKeys} entries
 * (versions, delete markers and prefixes together).
 */
public final class VersionLister {
    private static final int BATCH = 1000;
    private final ObjectVersions versions;

    public VersionLister(ObjectVersions versions) {
        this.versions = versions;
    }

    /**
     * One page; {@code versionIdMarker} (with {@code keyMarker}) must name an existing version of that
     * key, or the page is empty (the caller refuses it first).
     */
    public Mono<VersionListing> list(String bucket, String prefix, String delimiter, String keyMarker,
                                     String versionIdMarker, int maxKeys) {
        Page page = new Page(new KeyFolding(prefix, delimiter), maxKeys);
        if (maxKeys <= 0) {
            return Mono.just(new VersionListing(List.of(), List.of(), false, null, null));
        }
        if (versionIdMarker == null) {
            return fill(bucket, page, page.folding.resumeAfter(keyMarker), Long.MIN_VALUE);
        }
        return versions.find(bucket, keyMarker, versionIdMarker).flatMap(marker -> fill(bucket, page, keyMarker, marker.seq()));
    }

    private Mono<VersionListing> fill(String bucket, Page page, String afterKey, long afterSeq) {
        return versions.page(bucket, page.folding.prefix, afterKey, afterSeq, BATCH).collectList().flatMap(batch -> {
            String jump = page.take(batch);
            if (page.done || batch.size() < BATCH && jump == null) {
                return Mono.just(page.toListing());
            }
            if (jump != null) {
                return fill(bucket, page, jump, Long.MIN_VALUE);
            }
            ObjectVersion last = batch.get(batch.size() - 1);
            return fill(bucket, page, last.object().key(), last.seq());
        });
    }

    /** Accumulates one page; {@link #take} returns a key to jump past after a common prefix. */
    private static final class Page {
        final KeyFolding folding;
        final int maxKeys;
        final List<ObjectVersion> entries = new ArrayList<>();
        final List<String> prefixes = new ArrayList<>();
        String lastKey;
        String lastVersionId;
        boolean done;
        boolean truncated;

        Page(KeyFolding folding, int maxKeys) {
            this.folding = folding;
            this.maxKeys = maxKeys;
        }

        String take(List<ObjectVersion> batch) {
            for (ObjectVersion version : batch) {
                if (entries.size() + prefixes.size() >= maxKeys) {
                    truncated = true;
                    done = true;
                    return null;
                }
                String common = folding.commonPrefixOf(version.object().key());
                if (common != null) {
                    prefixes.add(common);
                    lastKey = common;
                    lastVersionId = null;
                    return common + KeyFolding.AFTER_ALL;
                }
                entries.add(version);
                lastKey = version.object().key();
                lastVersionId = version.object().versionIdOrNull();
            }
            return null;
        }

        VersionListing toListing() {
            return new VersionListing(entries, prefixes, truncated, truncated ? lastKey : null,
                    truncated ? lastVersionId : null);
        }
    }
}
