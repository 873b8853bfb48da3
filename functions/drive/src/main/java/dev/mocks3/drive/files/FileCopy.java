package dev.mocks3.drive.files;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;

import dev.mocks3.drive.content.ContentStore;
import dev.mocks3.drive.content.QuotaLedger;
import dev.mocks3.drive.http.DriveCall;
import dev.mocks3.drive.http.DriveFunction;
import dev.mocks3.drive.http.DriveReply;
import dev.mocks3.drive.http.OnConflict;
import dev.mocks3.drive.search.SearchIndexing;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * POST /file/v1/file/copy {id, parentId, onConflict} — a copy of a file or a whole folder tree.
 * No byte is copied: the copies refer to the same contents; the quota is charged for them.
 */
@Component("driveFileCopy")
public class FileCopy extends DriveFunction {
    private final EntryStore entries;
    private final ContentStore contents;
    private final QuotaLedger quotas;
    private final TransactionalOperator tx;
    private final SearchIndexing indexing;

    public FileCopy(EntryStore entries, ContentStore contents, QuotaLedger quotas, TransactionalOperator tx, SearchIndexing indexing) {
        this.entries = entries;
        this.contents = contents;
        this.quotas = quotas;
        this.tx = tx;
        this.indexing = indexing;
    }

    @Override
    protected Mono<DriveReply> handle(DriveCall call) {
        long user = call.user();
        long id = call.input().id("id");
        long target = call.input().id("parentId");
        OnConflict onConflict = call.input().onConflict();
        Mono<Entry> copy = entries.lockTree(user)
                .then(entries.movable(user, id, target))
                .flatMap(source -> entries.subtree(user, id).collectList())
                .flatMap(tree -> copyTree(user, tree, target, onConflict))
                .flatMap(copied -> indexing.changed(user, copied.id()).thenReturn(copied));
        return tx.transactional(copy)
                .map(DriveReply::data);
    }

    private Mono<Entry> copyTree(long user, List<Entry> tree, long target, OnConflict onConflict) {
        Map<String, Long> refs = new HashMap<>();
        long bytes = 0;
        for (Entry e : tree) {
            if (!e.folder()) {
                refs.merge(e.sha256(), 1L, Long::sum);
                bytes += e.size();
            }
        }
        Entry root = tree.get(0);
        Map<Long, Long> copies = new HashMap<>();
        return contents.retain(refs)
                .then(quotas.charge(user, bytes))
                .flatMap(quota -> entries.insert(user, target, root.name(), root.folder(), root.sha256(), root.size(), onConflict)
                        .flatMap(rootCopy -> {
                            copies.put(root.id(), rootCopy.id());
                            return Flux.fromIterable(tree.subList(1, tree.size()))
                                    .concatMap(e -> entries.insert(user, copies.get(e.parentId()), e.name(), e.folder(),
                                            e.sha256(), e.size(), OnConflict.ERROR).doOnNext(c -> copies.put(e.id(), c.id())))
                                    .then(quotas.remember(user, quota))
                                    .thenReturn(rootCopy);
                        }));
    }
}
