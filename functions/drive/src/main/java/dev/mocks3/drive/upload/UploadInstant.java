package dev.mocks3.drive.upload;

import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;

import dev.mocks3.drive.content.ContentStore;
import dev.mocks3.drive.content.Quota;
import dev.mocks3.drive.content.QuotaLedger;
import dev.mocks3.drive.files.Entry;
import dev.mocks3.drive.files.EntryStore;
import dev.mocks3.drive.http.DriveCall;
import dev.mocks3.drive.http.DriveFunction;
import dev.mocks3.drive.http.DriveReply;
import dev.mocks3.drive.http.OnConflict;
import dev.mocks3.drive.observe.DriveMeters;
import dev.mocks3.drive.search.SearchIndexing;
import reactor.core.publisher.Mono;

/**
 * POST /file/v1/upload/instant {name, parentId, size, sha256, onConflict} — when a content of that
 * SHA-256 and size is already stored (by anyone), the file appears at once and the quota is
 * charged; otherwise {@code hit} is false and the client uploads through presign.
 */
@Component("driveUploadInstant")
public class UploadInstant extends DriveFunction {
    private final EntryStore entries;
    private final ContentStore contents;
    private final QuotaLedger quotas;
    private final TransactionalOperator tx;
    private final DriveMeters meters;
    private final SearchIndexing indexing;

    public UploadInstant(EntryStore entries, ContentStore contents, QuotaLedger quotas, TransactionalOperator tx,
                         DriveMeters meters, SearchIndexing indexing) {
        this.meters = meters;
        this.entries = entries;
        this.contents = contents;
        this.quotas = quotas;
        this.tx = tx;
        this.indexing = indexing;
    }

    @Override
    protected Mono<DriveReply> handle(DriveCall call) {
        long user = call.user();
        FileDeclaration file = FileDeclaration.from(call.input());
        OnConflict onConflict = call.input().onConflict();
        Mono<Charged> instant = entries.requireFolder(user, file.parentId())
                .then(contents.retainIfPresent(file.sha256(), file.size()))
                .filter(Boolean::booleanValue)
                .flatMap(hit -> quotas.charge(user, file.size()))
                .flatMap(quota -> entries.insert(user, file.parentId(), file.name(), false, file.sha256(), file.size(), onConflict)
                        .flatMap(entry -> indexing.changed(user, entry.id()).thenReturn(new Charged(entry, quota))));
        // the cached quota changes only once the charge is committed
        return tx.transactional(instant)
                .flatMap(charged -> quotas.remember(user, charged.quota()).thenReturn(charged.entry()))
                .map(entry -> new Result(true, entry))
                .defaultIfEmpty(new Result(false, null))
                .doOnNext(result -> meters.instantUpload(result.hit()))
                .map(DriveReply::data);
    }

    record Result(boolean hit, Entry file) {
    }

    private record Charged(Entry entry, Quota quota) {
    }
}
