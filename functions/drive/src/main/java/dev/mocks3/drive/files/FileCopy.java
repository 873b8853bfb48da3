package dev.mocks3.drive.files;

import java.util.List;

import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;

import dev.mocks3.drive.content.ContentStore;
import dev.mocks3.drive.content.QuotaLedger;
import dev.mocks3.drive.http.DriveCall;
import dev.mocks3.drive.http.DriveFunction;
import dev.mocks3.drive.http.DriveReply;
import dev.mocks3.drive.http.OnConflict;
import reactor.core.publisher.Mono;

/**
 * POST /file/v1/file/copy {id, parentId, onConflict} — a copy of a file or a whole folder tree.
 * No byte is copied: the copies refer to the same contents; the quota is charged for them.
 */
@Component("driveFileCopy")
public class FileCopy extends DriveFunction {
    private final EntryStore entries;
    private final TreeCopy copier;
    private final QuotaLedger quotas;
    private final TransactionalOperator tx;

    public FileCopy(EntryStore entries, ContentStore contents, QuotaLedger quotas, TransactionalOperator tx) {
        this.entries = entries;
        this.copier = new TreeCopy(entries, contents, quotas);
        this.quotas = quotas;
        this.tx = tx;
    }

    @Override
    protected Mono<DriveReply> handle(DriveCall call) {
        long user = call.user();
        long id = call.input().id("id");
        long target = call.input().id("parentId");
        OnConflict onConflict = call.input().onConflict();
        Mono<TreeCopy.Copied> copy = entries.lockTree(user)
                .then(entries.movable(user, id, target))
                .flatMap(source -> entries.subtree(user, id).collectList())
                .flatMap(tree -> copier.copy(user, List.of(tree), target, onConflict));
        // the cached quota changes only once the charge is committed
        return tx.transactional(copy)
                .flatMap(copied -> quotas.remember(user, copied.quota()).thenReturn(copied.roots().get(0)))
                .map(DriveReply::data);
    }
}
