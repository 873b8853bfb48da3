package dev.mocks3.drive.purge;

import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.reactive.TransactionalOperator;

import dev.mocks3.drive.content.ContentStore;
import dev.mocks3.drive.content.Quota;
import dev.mocks3.drive.content.QuotaLedger;
import dev.mocks3.drive.files.Entry;
import dev.mocks3.drive.files.EntryStore;
import dev.mocks3.drive.http.DriveException;
import dev.mocks3.drive.storage.DriveBucket;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Removes a trash item for good, with everything inside: in one transaction the rows go, the
 * contents' references drop and the quota is refunded; then the bytes of every content no file of
 * anyone (trash included) refers to any more leave S3. What the trash delete endpoint and the
 * retention job both do.
 */
public final class TrashPurger {
    private static final Logger log = LoggerFactory.getLogger(TrashPurger.class);
    private final EntryStore entries;
    private final ContentStore contents;
    private final QuotaLedger quotas;
    private final DriveBucket bucket;
    private final TransactionalOperator tx;

    public TrashPurger(EntryStore entries, ContentStore contents, QuotaLedger quotas, DriveBucket bucket, TransactionalOperator tx) {
        this.entries = entries;
        this.contents = contents;
        this.quotas = quotas;
        this.bucket = bucket;
        this.tx = tx;
    }

    /** What one purge did. */
    public record Purged(Entry root, long files, long refunded, List<String> deletedKeys, Quota quota) {
    }

    /** Purges the trash item {@code id}; 300001 when the user has no such trash item. */
    public Mono<Purged> purge(long user, long id) {
        return run(user, id, null);
    }

    /**
     * Purges the trash item {@code id} only if it is still the one deleted at {@code trashedAt}:
     * restored, purged already, or deleted again later, it is left alone (empty).
     */
    public Mono<Purged> purgeIfStill(long user, long id, OffsetDateTime trashedAt) {
        return run(user, id, trashedAt).onErrorResume(DriveException.class, gone -> Mono.empty());
    }

    private Mono<Purged> run(long user, long id, OffsetDateTime trashedAt) {
        Mono<Purged> purge = entries.lockTree(user)
                .then(entries.trashed(user, id))
                .filter(root -> trashedAt == null || (root.deletedAt() != null && root.deletedAt().isEqual(trashedAt)))
                .flatMap(root -> entries.purge(user, id).collectList().flatMap(files -> {
                    Map<String, Long> refs = new HashMap<>();
                    long bytes = 0;
                    for (Entry file : files) {
                        refs.merge(file.sha256(), 1L, Long::sum);
                        bytes += file.size();
                    }
                    long refunded = bytes;
                    return contents.release(refs).collectList()
                            .flatMap(keys -> quotas.refund(user, refunded)
                                    .map(quota -> new Purged(root, files.size(), refunded, keys, quota)));
                }));
        return tx.transactional(purge)
                .flatMap(purged -> quotas.remember(user, purged.quota())
                        .then(Flux.fromIterable(purged.deletedKeys()).concatMap(key -> bucket.delete(key)
                                .onErrorResume(e -> {
                                    log.warn("unreferenced content {} stays in the bucket: {}", key, e.toString());
                                    return Mono.empty();
                                })).then())
                        .thenReturn(purged));
    }
}
