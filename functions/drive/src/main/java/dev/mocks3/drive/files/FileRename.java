package dev.mocks3.drive.files;

import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;

import dev.mocks3.drive.http.DriveCall;
import dev.mocks3.drive.http.DriveFunction;
import dev.mocks3.drive.http.DriveReply;
import dev.mocks3.drive.http.OnConflict;
import dev.mocks3.drive.search.SearchIndexing;
import reactor.core.publisher.Mono;

/** POST /file/v1/file/rename {id, name, onConflict} — a new name in the same folder. */
@Component("driveFileRename")
public class FileRename extends DriveFunction {
    private final EntryStore entries;
    private final TransactionalOperator tx;
    private final SearchIndexing indexing;

    public FileRename(EntryStore entries, TransactionalOperator tx, SearchIndexing indexing) {
        this.entries = entries;
        this.tx = tx;
        this.indexing = indexing;
    }

    @Override
    protected Mono<DriveReply> handle(DriveCall call) {
        long user = call.user();
        long id = call.input().id("id");
        String name = EntryNames.require(call.input().text("name"));
        OnConflict onConflict = call.input().onConflict();
        return tx.transactional(entries.live(user, id)
                        .flatMap(entry -> entries.freeName(user, entry.parentId(), name, entry.folder(), onConflict, id)
                                .flatMap(free -> entries.place(user, id, entry.parentId(), free)))
                        .flatMap(renamed -> indexing.changed(user, id).thenReturn(renamed)))
                .map(DriveReply::data);
    }
}
