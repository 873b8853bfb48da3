package dev.mocks3.drive.files;

import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;

import dev.mocks3.drive.http.DriveCall;
import dev.mocks3.drive.http.DriveFunction;
import dev.mocks3.drive.http.DriveReply;
import dev.mocks3.drive.http.OnConflict;
import dev.mocks3.drive.search.SearchIndexing;
import reactor.core.publisher.Mono;

/** POST /file/v1/file/move {id, parentId, onConflict} — into another folder, never into itself or below. */
@Component("driveFileMove")
public class FileMove extends DriveFunction {
    private final EntryStore entries;
    private final TransactionalOperator tx;
    private final SearchIndexing indexing;

    public FileMove(EntryStore entries, TransactionalOperator tx, SearchIndexing indexing) {
        this.entries = entries;
        this.tx = tx;
        this.indexing = indexing;
    }

    @Override
    protected Mono<DriveReply> handle(DriveCall call) {
        long user = call.user();
        long id = call.input().id("id");
        long target = call.input().id("parentId");
        OnConflict onConflict = call.input().onConflict();
        Mono<Entry> move = entries.lockTree(user)
                .then(entries.movable(user, id, target))
                .flatMap(entry -> entries.freeName(user, target, entry.name(), entry.folder(), onConflict, id))
                .flatMap(free -> entries.place(user, id, target, free))
                .flatMap(moved -> indexing.changed(user, id).thenReturn(moved));
        return tx.transactional(move).map(DriveReply::data);
    }
}
