package dev.mocks3.drive.files;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;

import dev.mocks3.drive.content.ContentStore;
import dev.mocks3.drive.content.Quota;
import dev.mocks3.drive.content.QuotaLedger;
import dev.mocks3.drive.http.DriveCall;
import dev.mocks3.drive.http.DriveFunction;
import dev.mocks3.drive.http.DriveReply;
import dev.mocks3.drive.storage.DriveBucket;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * POST /file/v1/trash/delete {id} — gone for good, with everything inside. The quota is refunded;
 * a content's bytes leave S3 only once no file of anyone refers to it.
 */
@Component("driveTrashDelete")
public class TrashDelete extends DriveFunction {
    private static final Logger log = LoggerFactory.getLogger(TrashDelete.class);
    private final EntryStore entries;
    private final ContentStore contents;
    private final QuotaLedger quotas;
    private final DriveBucket bucket;
    private final TransactionalOperator tx;

    public TrashDelete(EntryStore entries, ContentStore contents, QuotaLedger quotas, DriveBucket bucket, TransactionalOperator tx) {
        this.entries = entries;
        this.contents = contents;
        this.quotas = quotas;
        this.bucket = bucket;
        this.tx = tx;
    }

    private record Purged(List<String> unreferencedKeys, Quota quota) {
    }

    @Override
    protected Mono<DriveReply> handle(DriveCall call) {
        long user = call.user();
        long id = call.input().id("id");
        Mono<Purged> purge = entries.lockTree(user)
                .then(entries.trashed(user, id))
                .thenMany(entries.purge(user, id))
                .collectList()
                .flatMap(files -> {
                    Map<String, Long> refs = new HashMap<>();
                    long bytes = 0;
                    for (Entry file : files) {
                        refs.merge(file.sha256(), 1L, Long::sum);
                        bytes += file.size();
                    }
                    long refunded = bytes;
                    return contents.release(refs).collectList()
                            .flatMap(keys -> quotas.refund(user, refunded).map(quota -> new Purged(keys, quota)));
                });
        return tx.transactional(purge)
                .flatMap(purged -> quotas.remember(user, purged.quota())
                        .then(Flux.fromIterable(purged.unreferencedKeys()).concatMap(key -> bucket.delete(key)
                                .onErrorResume(e -> {
                                    log.warn("unreferenced content {} stays in the bucket: {}", key, e.toString());
                                    return Mono.empty();
                                })).then())
                        .thenReturn(DriveReply.data(purged.quota())));
    }
}
