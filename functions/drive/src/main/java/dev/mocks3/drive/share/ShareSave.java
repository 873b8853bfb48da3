package dev.mocks3.drive.share;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;

import dev.mocks3.drive.content.QuotaLedger;
import dev.mocks3.drive.files.Entry;
import dev.mocks3.drive.files.EntryStore;
import dev.mocks3.drive.files.TreeCopy;
import dev.mocks3.drive.http.DriveCall;
import dev.mocks3.drive.http.DriveError;
import dev.mocks3.drive.http.DriveFunction;
import dev.mocks3.drive.http.DriveInput;
import dev.mocks3.drive.http.DriveReply;
import dev.mocks3.drive.http.OnConflict;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * POST /share/v1/share/save {shareToken, ids, parentId} (转存) — copies items of a validated share
 * (the ids given, anything the share reaches; all its top-level items without {@code ids}) into a
 * folder of the caller. No byte is copied: the copies refer to the same contents. The quota is
 * charged for all of them at once, so a save that does not fit changes nothing (300005); a name
 * taken gets a " (n)" suffix.
 */
@Component("driveShareSave")
public class ShareSave extends DriveFunction {
    private static final int MAX_IDS = 1000;
    private final ShareAccess access;
    private final ShareStore shares;
    private final EntryStore entries;
    private final TreeCopy copier;
    private final QuotaLedger quotas;
    private final TransactionalOperator tx;

    ShareSave(ShareAccess access, ShareStore shares, EntryStore entries, TreeCopy copier, QuotaLedger quotas,
              TransactionalOperator tx) {
        this.access = access;
        this.shares = shares;
        this.entries = entries;
        this.copier = copier;
        this.quotas = quotas;
        this.tx = tx;
    }

    @Override
    protected Mono<DriveReply> handle(DriveCall call) {
        long user = call.user();
        DriveInput in = call.input();
        long target = in.id("parentId", EntryStore.ROOT);
        List<Long> chosen = in.has("ids") ? in.ids("ids", MAX_IDS) : null;
        return access.open(in).flatMap(share -> {
            Mono<List<Long>> ids = chosen != null ? Mono.just(chosen) : shares.liveItems(share).map(Entry::id).collectList();
            Mono<TreeCopy.Copied> save = lockTrees(user, share.userId())
                    .then(entries.requireFolder(user, target))
                    .then(ids)
                    .flatMapMany(Flux::fromIterable)
                    .concatMap(id -> access.reach(share, id).then(entries.subtree(share.userId(), id).collectList()))
                    .filter(tree -> !tree.isEmpty())
                    .collectList()
                    .map(ShareSave::outermost)
                    .flatMap(trees -> trees.isEmpty() ? Mono.error(DriveError.NOT_FOUND.exception("the share holds nothing to save"))
                            : copier.copy(user, trees, target, OnConflict.RENAME));
            // the cached quota and the share's save count change only once the copies are committed
            return tx.transactional(save)
                    .flatMap(copied -> quotas.remember(user, copied.quota())
                            .then(shares.countSave(share.id()))
                            .thenReturn(DriveReply.data(new Saved(copied.roots()))));
        });
    }

    /**
     * Both users' trees, always in the same order (two users saving from each other's shares do not
     * deadlock): the owner's files cannot be deleted for good while their contents gain references.
     */
    private Mono<Void> lockTrees(long user, long owner) {
        return user == owner ? entries.lockTree(user)
                : entries.lockTree(Math.min(user, owner)).then(entries.lockTree(Math.max(user, owner)));
    }

    /** The trees whose root lies inside no other chosen tree: a folder chosen with its own content is copied once. */
    private static List<List<Entry>> outermost(List<List<Entry>> trees) {
        Set<Long> inner = new HashSet<>();
        for (List<Entry> tree : trees) {
            tree.subList(1, tree.size()).forEach(e -> inner.add(e.id()));
        }
        return trees.stream().filter(tree -> !inner.contains(tree.get(0).id())).toList();
    }

    /** The caller's new top-level files and folders. */
    record Saved(List<Entry> list) {
    }
}
