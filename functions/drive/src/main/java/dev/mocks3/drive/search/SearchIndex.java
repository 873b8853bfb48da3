package dev.mocks3.drive.search;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;

import dev.mocks3.drive.files.Entry;
import dev.mocks3.drive.files.EntryStore;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Writes the search index ({@code drive_search}) from the files table: what the indexing and
 * re-indexing jobs do. Each run holds the user's index lock, reads the files as they are then and
 * writes them, so runs of one user never interleave and the last one leaves what the table holds.
 */
public final class SearchIndex {
    private static final int BATCH = 500;
    private final DatabaseClient db;
    private final EntryStore entries;
    private final TransactionalOperator tx;

    public SearchIndex(DatabaseClient db, EntryStore entries, TransactionalOperator tx) {
        this.db = db;
        this.entries = entries;
        this.tx = tx;
    }

    /** Brings entry {@code id} and everything below it up to date; answers rows written and removed. */
    public Mono<Map<String, Object>> sync(long user, long id) {
        Mono<Map<String, Object>> run = lock(user)
                .then(indexedBelow(user, id))
                .zipWith(entries.subtree(user, id).collectList())
                .flatMap(found -> {
                    List<Entry> live = found.getT2();
                    Set<Long> gone = new HashSet<>(found.getT1());
                    live.forEach(e -> gone.remove(e.id()));
                    return remove(user, gone).zipWith(write(user, live))
                            .map(counts -> Map.<String, Object>of("removed", counts.getT1(), "indexed", counts.getT2()));
                });
        return tx.transactional(run);
    }

    /**
     * Rebuilds the user's whole index from the files table, a page of {@value #BATCH} live entries at a time
     * (keyset on id), so a drive of any size needs the memory of one page. Each page is read whole before it
     * is written: the writes share the transaction's connection, so a write waiting behind a read that is still
     * streaming would wait for ever (the read waits for its rows to be taken).
     */
    public Mono<Map<String, Object>> rebuild(long user) {
        Mono<Map<String, Object>> run = lock(user)
                .then(db.sql("delete from drive_search s where s.user_id = $1 and not exists (select 1 from drive_entries e "
                                + "where e.id = s.entry_id and e.user_id = $1 and e.trashed_at is null)")
                        .bind(0, user).fetch().rowsUpdated())
                .flatMap(removed -> writeLiveAfter(user, 0)
                        .map(indexed -> Map.<String, Object>of("removed", removed, "indexed", indexed)));
        return tx.transactional(run);
    }

    /** Writes the user's live entries after id {@code after}, page by page; answers how many. */
    private Mono<Long> writeLiveAfter(long user, long after) {
        return entries.liveAfter(user, after, BATCH).collectList().flatMap(page -> {
            if (page.isEmpty()) {
                return Mono.just(0L);
            }
            Mono<Long> rest = page.size() < BATCH ? Mono.just(0L) : Mono.defer(() -> writeLiveAfter(user, page.get(page.size() - 1).id()));
            return write(user, page).flatMap(written -> rest.map(more -> written + more));
        });
    }

    /** Every user with files or index rows. */
    public Flux<Long> users() {
        return db.sql("select id from drive_users order by id").map(row -> row.get(0, Long.class)).all();
    }

    private Mono<Void> lock(long user) {
        return db.sql("select pg_advisory_xact_lock(202, hashint8($1))").bind(0, user).fetch().rowsUpdated().then();
    }

    /** Ids the index holds at and below {@code id} (by the index's own parent links). */
    private Mono<List<Long>> indexedBelow(long user, long id) {
        return db.sql("with recursive sub as (select entry_id from drive_search where entry_id = $1 and user_id = $2 "
                        + "union all select s.entry_id from drive_search s join sub on s.parent_id = sub.entry_id where s.user_id = $2) "
                        + "select entry_id from sub")
                .bind(0, id).bind(1, user).map(row -> row.get(0, Long.class)).all().collectList();
    }

    private Mono<Long> remove(long user, Set<Long> ids) {
        if (ids.isEmpty()) {
            return Mono.just(0L);
        }
        return db.sql("delete from drive_search where user_id = $1 and entry_id = any($2)")
                .bind(0, user).bind(1, ids.toArray(Long[]::new)).fetch().rowsUpdated();
    }

    /** Upserts live entries (in batches), taking name, place, size and time from the table as it is now. */
    private Mono<Long> write(long user, List<Entry> live) {
        return Flux.fromIterable(live).buffer(BATCH).concatMap(batch -> {
            int n = batch.size();
            Long[] ids = new Long[n];
            String[] kinds = new String[n];
            String[] folds = new String[n];
            String[] keys = new String[n];
            String[] words = new String[n];
            for (int i = 0; i < n; i++) {
                Entry e = batch.get(i);
                String folded = SearchNames.fold(e.name());
                ids[i] = e.id();
                kinds[i] = FileKind.of(e.name(), e.folder()).label();
                folds[i] = folded;
                keys[i] = SearchNames.key(folded);
                words[i] = String.join(" ", SearchNames.words(folded));
            }
            return db.sql("insert into drive_search (entry_id, user_id, parent_id, name, folder, kind, size, updated_at, "
                            + "name_fold, name_key, words) "
                            + "select e.id, e.user_id, e.parent_id, e.name, e.folder, x.kind, e.size, e.updated_at, x.fold, x.key, "
                            + "to_tsvector('simple', x.words) "
                            + "from unnest($2::bigint[], $3::text[], $4::text[], $5::text[], $6::text[]) as x (id, kind, fold, key, words) "
                            + "join drive_entries e on e.id = x.id and e.user_id = $1 and e.trashed_at is null "
                            + "on conflict (entry_id) do update set parent_id = excluded.parent_id, name = excluded.name, "
                            + "kind = excluded.kind, size = excluded.size, updated_at = excluded.updated_at, "
                            + "name_fold = excluded.name_fold, name_key = excluded.name_key, words = excluded.words")
                    .bind(0, user).bind(1, ids).bind(2, kinds).bind(3, folds).bind(4, keys).bind(5, words)
                    .fetch().rowsUpdated();
        }).reduce(0L, Long::sum);
    }
}
