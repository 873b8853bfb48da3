package dev.mocks3.drive.files;

import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;

import dev.mocks3.drive.http.DriveCall;
import dev.mocks3.drive.http.DriveException;
import dev.mocks3.drive.http.DriveFunction;
import dev.mocks3.drive.http.DriveReply;
import dev.mocks3.drive.http.OnConflict;
import reactor.core.publisher.Mono;

/**
 * POST /file/v1/trash/restore {id} — back to the folder it was deleted from, or to the root when
 * that folder is gone; a name taken meanwhile gets a " (n)" suffix.
 */
@Component("driveTrashRestore")
public class TrashRestore extends DriveFunction {
    private final EntryStore entries;
    private final TransactionalOperator tx;

    public TrashRestore(EntryStore entries, TransactionalOperator tx) {
        this.entries = entries;
        this.tx = tx;
    }

    @Override
    protected Mono<DriveReply> handle(DriveCall call) {
        long user = call.user();
        long id = call.input().id("id");
        Mono<Entry> restore = entries.lockTree(user)
                .then(entries.trashed(user, id))
                .flatMap(root -> entries.requireFolder(user, root.parentId()).thenReturn(root.parentId())
                        .onErrorResume(DriveException.class, gone -> Mono.just(EntryStore.ROOT))
                        .flatMap(parent -> entries.freeName(user, parent, root.name(), root.folder(), OnConflict.RENAME, id)
                                .flatMap(name -> entries.restore(user, root, parent, name))));
        return tx.transactional(restore).map(DriveReply::data);
    }
}
