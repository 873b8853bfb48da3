package dev.mocks3.drive.files;

import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;

import dev.mocks3.drive.http.DriveCall;
import dev.mocks3.drive.http.DriveFunction;
import dev.mocks3.drive.http.DriveReply;
import dev.mocks3.drive.purge.TrashRetention;
import dev.mocks3.drive.search.SearchIndexing;
import reactor.core.publisher.Mono;

/**
 * POST /file/v1/file/delete {id} — to the trash, with everything inside; the quota stays charged.
 * Its purge is scheduled for when the trash retention runs out.
 */
@Component("driveFileDelete")
public class FileDelete extends DriveFunction {
    private final EntryStore entries;
    private final TransactionalOperator tx;
    private final TrashRetention retention;
    private final SearchIndexing indexing;

    public FileDelete(EntryStore entries, TransactionalOperator tx, TrashRetention retention, SearchIndexing indexing) {
        this.entries = entries;
        this.tx = tx;
        this.retention = retention;
        this.indexing = indexing;
    }

    @Override
    protected Mono<DriveReply> handle(DriveCall call) {
        long user = call.user();
        long id = call.input().id("id");
        return tx.transactional(entries.lockTree(user).then(entries.live(user, id)).flatMap(entry -> entries.trash(user, id))
                        .flatMap(count -> retention.schedule(user, id).then(indexing.changed(user, id)).thenReturn(count)))
                .map(count -> DriveReply.data(new Trashed(id, count)));
    }

    record Trashed(long id, long entries) {
    }
}
