package dev.mocks3.drive.files;

import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;

import dev.mocks3.drive.http.DriveCall;
import dev.mocks3.drive.http.DriveFunction;
import dev.mocks3.drive.http.DriveReply;
import reactor.core.publisher.Mono;

/** POST /file/v1/file/delete {id} — to the trash, with everything inside; the quota stays charged. */
@Component("driveFileDelete")
public class FileDelete extends DriveFunction {
    private final EntryStore entries;
    private final TransactionalOperator tx;

    public FileDelete(EntryStore entries, TransactionalOperator tx) {
        this.entries = entries;
        this.tx = tx;
    }

    @Override
    protected Mono<DriveReply> handle(DriveCall call) {
        long user = call.user();
        long id = call.input().id("id");
        return tx.transactional(entries.lockTree(user).then(entries.live(user, id)).flatMap(entry -> entries.trash(user, id)))
                .map(count -> DriveReply.data(new Trashed(id, count)));
    }

    record Trashed(long id, long entries) {
    }
}
