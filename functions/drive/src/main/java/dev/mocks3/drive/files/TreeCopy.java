package dev.mocks3.drive.files;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.mocks3.drive.content.ContentStore;
import dev.mocks3.drive.content.Quota;
import dev.mocks3.drive.content.QuotaLedger;
import dev.mocks3.drive.http.OnConflict;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Copies of file and folder trees into a user's folder (a copy, a saved share). No byte is copied:
 * the copies refer to the same contents, which gain references; the quota is charged once for all
 * of them, so the copy happens whole or (quota exceeded, 300005) not at all. Run it in a transaction.
 */
public final class TreeCopy {
    private final EntryStore entries;
    private final ContentStore contents;
    private final QuotaLedger quotas;

    public TreeCopy(EntryStore entries, ContentStore contents, QuotaLedger quotas) {
        this.entries = entries;
        this.contents = contents;
        this.quotas = quotas;
    }

    /** The top-level copies, and the quota once charged (cache it only after the commit). */
    public record Copied(List<Entry> roots, Quota quota) {
    }

    /**
     * Copies each tree (a {@link EntryStore#subtree}, parents before children) into {@code target}
     * of {@code user}; a top-level name already taken is an error or numbered, as {@code onConflict} says.
     */
    public Mono<Copied> copy(long user, List<List<Entry>> trees, long target, OnConflict onConflict) {
        Map<String, Long> refs = new HashMap<>();
        long bytes = 0;
        for (List<Entry> tree : trees) {
            for (Entry e : tree) {
                if (!e.folder()) {
                    refs.merge(e.sha256(), 1L, Long::sum);
                    bytes += e.size();
                }
            }
        }
        return contents.retain(refs)
                .then(quotas.charge(user, bytes))
                .flatMap(quota -> Flux.fromIterable(trees).concatMap(tree -> copyTree(user, tree, target, onConflict))
                        .collectList().map(roots -> new Copied(roots, quota)));
    }

    private Mono<Entry> copyTree(long user, List<Entry> tree, long target, OnConflict onConflict) {
        Entry root = tree.get(0);
        Map<Long, Long> copies = new HashMap<>();
        return entries.insert(user, target, root.name(), root.folder(), root.sha256(), root.size(), onConflict)
                .flatMap(rootCopy -> {
                    copies.put(root.id(), rootCopy.id());
                    return Flux.fromIterable(new ArrayList<>(tree.subList(1, tree.size())))
                            .concatMap(e -> entries.insert(user, copies.get(e.parentId()), e.name(), e.folder(),
                                    e.sha256(), e.size(), OnConflict.ERROR).doOnNext(c -> copies.put(e.id(), c.id())))
                            .then(Mono.just(rootCopy));
                });
    }
}
