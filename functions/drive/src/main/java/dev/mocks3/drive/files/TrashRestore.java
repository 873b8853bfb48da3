package dev.mocks3.drive.files;

import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;

import dev.mocks3.drive.http.DriveCall;
import dev.mocks3.drive.http.DriveException;
import dev.mocks3.drive.http.DriveFunction;
import dev.mocks3.drive.http.DriveReply;
import dev.mocks3.drive.http.OnConflict;
import dev.mocks3.drive.purge.TrashRetention;
import dev.mocks3.drive.search.SearchIndexing;
import reactor.core.publisher.Mono;
import reactor.util.function.Tuple2;
import reactor.util.function.Tuples;

/**
 * POST /file/v1/trash/restore {id} — back to the folder it was deleted from, or to the root when
 * that folder is gone; a name taken meanwhile gets a " (n)" suffix.
 */
@Component("driveTrashRestore")
public class TrashRestore extends DriveFunction {
    private final EntryStore entries;
    private final TransactionalOperator tx;
    private final TrashRetention retention;
    private final SearchIndexing indexing;

    public TrashRestore(EntryStore entries, TransactionalOperator tx, TrashRetention retention, SearchIndexing indexing) {
        this.entries = entries;
        this.tx = tx;
        this.retention = retention;
        this.indexing = indexing;
    }

    @Override
    protected Mono<DriveReply> handle(DriveCall call) {
        long user = call.user();
        long id = call.input().id("id");
        Mono<Tuple2<Entry, Entry>> restore = entries.lockTree(user)
                .then(entries.trashed(user, id))
                .flatMap(root -> entries.requireFolder(user, root.parentId()).thenReturn(root.parentId())
                        .onErrorResume(DriveException.class, gone -> Mono.just(EntryStore.ROOT))
                        .flatMap(parent -> entries.freeName(user, parent, root.name(), root.folder(), OnConflict.RENAME, id)
                                .flatMap(name -> entries.restore(user, root, parent, name)))
                        .flatMap(restored -> indexing.changed(user, id).thenReturn(Tuples.of(root, restored))));
        // its scheduled purge is taken back (a purge running now finds the item restored and does nothing)
        return tx.transactional(restore)
                .flatMap(done -> retention.cancel(user, done.getT1()).thenReturn(done.getT2()))
                .map(DriveReply::data);
    }
}
