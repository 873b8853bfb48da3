package dev.mocks3.drive.files;

import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;

import dev.mocks3.drive.http.DriveCall;
import dev.mocks3.drive.http.DriveFunction;
import dev.mocks3.drive.http.DriveReply;
import dev.mocks3.drive.http.OnConflict;
import dev.mocks3.drive.search.SearchIndexing;
import reactor.core.publisher.Mono;

/** POST /file/v1/folder/create {parentId, name, onConflict} — a new folder. */
@Component("driveFolderCreate")
public class FolderCreate extends DriveFunction {
    private final EntryStore entries;
    private final TransactionalOperator tx;
    private final SearchIndexing indexing;

    public FolderCreate(EntryStore entries, TransactionalOperator tx, SearchIndexing indexing) {
        this.entries = entries;
        this.tx = tx;
        this.indexing = indexing;
    }

    @Override
    protected Mono<DriveReply> handle(DriveCall call) {
        long user = call.user();
        long parent = call.input().id("parentId", EntryStore.ROOT);
        String name = EntryNames.require(call.input().text("name"));
        OnConflict onConflict = call.input().onConflict();
        return tx.transactional(entries.requireFolder(user, parent)
                        .then(entries.insert(user, parent, name, true, null, 0, onConflict))
                        .flatMap(folder -> indexing.changed(user, folder.id()).thenReturn(folder)))
                .map(DriveReply::data);
    }
}
