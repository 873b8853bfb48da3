package dev.mocks3.drive.files;

import java.time.OffsetDateTime;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.r2dbc.core.DatabaseClient;

import dev.mocks3.drive.http.DriveError;
import dev.mocks3.drive.http.OnConflict;
import io.r2dbc.spi.Readable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The {@code drive_entries} rows. Every statement names the user: an id of another user's entry
 * behaves exactly like an id that does not exist (300001), so nobody learns what others have.
 */
public final class EntryStore {
    public static final long ROOT = 0;
    public static final String COLUMNS = "id, parent_id, name, folder, sha256, size, created_at, updated_at, trashed_at";
    private static final int MAX_NUMBERED = 1000;
    private final DatabaseClient db;

    public EntryStore(DatabaseClient db) {
        this.db = db;
    }

    /** A file or folder of the user that is not in the trash, or 300001. */
    public Mono<Entry> live(long user, long id) {
        return db.sql("select " + COLUMNS + " from drive_entries where id = $1 and user_id = $2 and trashed_at is null")
                .bind(0, id).bind(1, user).map(EntryStore::toEntry).one()
                .switchIfEmpty(Mono.error(DriveError.NOT_FOUND::exception));
    }

    /**
     * Completes when {@code folderId} is the root or a live folder of the user; inside a transaction
     * the folder row stays locked against deletion until it ends.
     */
    public Mono<Void> requireFolder(long user, long folderId) {
        return folder(user, folderId, " for share");
    }

    /**
     * As {@link #requireFolder} without locking the row, for reads outside a transaction: a row lock
     * gives the statement a transaction id, so its commit waits for a WAL flush like a write's.
     */
    public Mono<Void> requireFolderToRead(long user, long folderId) {
        return folder(user, folderId, "");
    }

    private Mono<Void> folder(long user, long folderId, String lock) {
        if (folderId == ROOT) {
            return Mono.empty();
        }
        return db.sql("select folder from drive_entries where id = $1 and user_id = $2 and trashed_at is null" + lock)
                .bind(0, folderId).bind(1, user).map(row -> row.get(0, Boolean.class)).one()
                .switchIfEmpty(Mono.error(() -> DriveError.NOT_FOUND.exception("folder not found")))
                .flatMap(folder -> folder ? Mono.<Void>empty() : Mono.error(DriveError.NOT_A_FOLDER.exception()));
    }

    /** Adds an entry under {@code parent}; a taken name is 300002, or numbered with {@link OnConflict#RENAME}. */
    public Mono<Entry> insert(long user, long parent, String name, boolean folder, String sha256, long size, OnConflict onConflict) {
        return insertNumbered(user, parent, name, folder, sha256, size, onConflict, 0);
    }

    private Mono<Entry> insertNumbered(long user, long parent, String name, boolean folder, String sha256, long size,
                                       OnConflict onConflict, int n) {
        String candidate = n == 0 ? name : EntryNames.numbered(name, n, folder);
        var spec = db.sql("insert into drive_entries (user_id, parent_id, name, folder, sha256, size) values ($1, $2, $3, $4, $5, $6) "
                        + "on conflict (user_id, parent_id, name) where trashed_at is null do nothing returning " + COLUMNS)
                .bind(0, user).bind(1, parent).bind(2, candidate).bind(3, folder).bind(5, size);
        spec = sha256 == null ? spec.bindNull(4, String.class) : spec.bind(4, sha256);
        return spec.map(EntryStore::toEntry).one()
                .switchIfEmpty(Mono.defer(() -> {
                    if (onConflict == OnConflict.ERROR) {
                        return Mono.error(DriveError.NAME_TAKEN.exception());
                    }
                    if (n >= MAX_NUMBERED) {
                        return Mono.error(DriveError.NAME_TAKEN.exception("no free numbered name"));
                    }
                    return insertNumbered(user, parent, name, folder, sha256, size, onConflict, n + 1);
                }));
    }

    /** {@code name}, or the first free numbered name in {@code parent} (not counting {@code self}). */
    public Mono<String> freeName(long user, long parent, String name, boolean folder, OnConflict onConflict, long self) {
        return freeNumbered(user, parent, name, folder, onConflict, self, 0);
    }

    private Mono<String> freeNumbered(long user, long parent, String name, boolean folder, OnConflict onConflict, long self, int n) {
        String candidate = n == 0 ? name : EntryNames.numbered(name, n, folder);
        return db.sql("select exists (select 1 from drive_entries where user_id = $1 and parent_id = $2 and name = $3 "
                        + "and trashed_at is null and id <> $4)")
                .bind(0, user).bind(1, parent).bind(2, candidate).bind(3, self).map(row -> row.get(0, Boolean.class)).one()
                .flatMap(taken -> {
                    if (!taken) {
                        return Mono.just(candidate);
                    }
                    if (onConflict == OnConflict.ERROR) {
                        return Mono.error(DriveError.NAME_TAKEN.exception());
                    }
                    if (n >= MAX_NUMBERED) {
                        return Mono.error(DriveError.NAME_TAKEN.exception("no free numbered name"));
                    }
                    return freeNumbered(user, parent, name, folder, onConflict, self, n + 1);
                });
    }

    /** Renames and/or moves a live entry; a name taken meanwhile is 300002. */
    public Mono<Entry> place(long user, long id, long parent, String name) {
        return db.sql("update drive_entries set parent_id = $3, name = $4, updated_at = now() "
                        + "where id = $1 and user_id = $2 and trashed_at is null returning " + COLUMNS)
                .bind(0, id).bind(1, user).bind(2, parent).bind(3, name).map(EntryStore::toEntry).one()
                .onErrorMap(DataIntegrityViolationException.class, e -> DriveError.NAME_TAKEN.exception())
                .switchIfEmpty(Mono.error(DriveError.NOT_FOUND::exception));
    }

    /**
     * The live entry {@code id}, once {@code target} is known to be a live folder it may go into: for
     * a folder, not itself nor anything below it (300004). Call with the tree locked ({@link #lockTree}).
     */
    public Mono<Entry> movable(long user, long id, long target) {
        return live(user, id).flatMap(entry -> requireFolder(user, target)
                .then(entry.folder() ? isWithin(user, target, id) : Mono.just(false))
                .flatMap(inside -> inside ? Mono.error(DriveError.MOVE_INTO_ITSELF.exception()) : Mono.just(entry)));
    }

    /** A live file of the user; a folder is 300007. */
    public Mono<Entry> liveFile(long user, long id) {
        return live(user, id).flatMap(entry -> entry.folder()
                ? Mono.error(DriveError.NOT_A_FILE.exception("a folder downloads as a zip")) : Mono.just(entry));
    }

    /** Whether {@code candidate} is {@code folder} itself or somewhere below it. */
    public Mono<Boolean> isWithin(long user, long candidate, long folder) {
        if (candidate == ROOT) {
            return Mono.just(folder == ROOT);
        }
        return db.sql("with recursive up (id, parent_id) as ("
                        + "select id, parent_id from drive_entries where id = $1 and user_id = $2 "
                        + "union all select e.id, e.parent_id from drive_entries e join up on e.id = up.parent_id where e.user_id = $2) "
                        + "select exists (select 1 from up where id = $3)")
                .bind(0, candidate).bind(1, user).bind(2, folder).map(row -> row.get(0, Boolean.class)).one();
    }

    /** Serializes the moves of one user, so that two crossing moves cannot make a cycle. */
    public Mono<Void> lockTree(long user) {
        return db.sql("select pg_advisory_xact_lock(200, hashint8($1))").bind(0, user).fetch().rowsUpdated().then();
    }

    /** The live entry and everything live below it, parents before children. */
    public Flux<Entry> subtree(long user, long id) {
        return db.sql("with recursive sub as ("
                        + "select " + COLUMNS + ", 0 as depth from drive_entries where id = $1 and user_id = $2 and trashed_at is null "
                        + "union all select e.id, e.parent_id, e.name, e.folder, e.sha256, e.size, e.created_at, e.updated_at, "
                        + "e.trashed_at, sub.depth + 1 from drive_entries e join sub on e.parent_id = sub.id "
                        + "where e.user_id = $2 and e.trashed_at is null) "
                        + "select " + COLUMNS + " from sub order by depth, id")
                .bind(0, id).bind(1, user).map(EntryStore::toEntry).all();
    }

    /** Everything live in the user's drive, parents before children (a zip of the root). */
    public Flux<Entry> allLive(long user) {
        return db.sql("with recursive sub as ("
                        + "select " + COLUMNS + ", 0 as depth from drive_entries where parent_id = 0 and user_id = $1 and trashed_at is null "
                        + "union all select e.id, e.parent_id, e.name, e.folder, e.sha256, e.size, e.created_at, e.updated_at, "
                        + "e.trashed_at, sub.depth + 1 from drive_entries e join sub on e.parent_id = sub.id "
                        + "where e.user_id = $1 and e.trashed_at is null) "
                        + "select " + COLUMNS + " from sub order by depth, id")
                .bind(0, user).map(EntryStore::toEntry).all();
    }

    /** Up to {@code limit} of the user's live entries in id order, after id {@code after}: a drive read a page at a time. */
    public Flux<Entry> liveAfter(long user, long after, int limit) {
        return db.sql("select " + COLUMNS + " from drive_entries where user_id = $1 and trashed_at is null and id > $2 order by id limit $3")
                .bind(0, user).bind(1, after).bind(2, limit).map(EntryStore::toEntry).all();
    }

    /** A page of a folder: folders first, then by the sort key, the id breaking ties; after the cursor when given. */
    public Flux<Entry> page(long user, long parent, ListOrder order, ListCursor after, int limit) {
        String column = order.column();
        String cmp = order.descending() ? "<" : ">";
        String dir = order.descending() ? "desc" : "asc";
        StringBuilder sql = new StringBuilder("select " + COLUMNS + " from drive_entries where user_id = $1 and parent_id = $2 "
                + "and trashed_at is null");
        if (after != null) {
            sql.append(" and (folder < $4 or (folder = $4 and (").append(column).append(", id) ").append(cmp).append(" ($5, $6)))");
        }
        sql.append(" order by folder desc, ").append(column).append(' ').append(dir).append(", id ").append(dir).append(" limit $3");
        var spec = db.sql(sql.toString()).bind(0, user).bind(1, parent).bind(2, limit);
        if (after != null) {
            spec = spec.bind(3, after.folder()).bind(4, after.key()).bind(5, after.id());
        }
        return spec.map(EntryStore::toEntry).all();
    }

    /** The user's trash: the entries they deleted (not what was inside them), newest first, after the cursor. */
    public Flux<Entry> trashPage(long user, ListCursor after, int limit) {
        String sql = "select " + COLUMNS + " from drive_entries where user_id = $1 and trash_root"
                + (after == null ? "" : " and (trashed_at, id) < ($3, $4)") + " order by trashed_at desc, id desc limit $2";
        var spec = db.sql(sql).bind(0, user).bind(1, limit);
        if (after != null) {
            spec = spec.bind(2, after.key()).bind(3, after.id());
        }
        return spec.map(EntryStore::toEntry).all();
    }

    /** Moves a live entry and everything live below it to the trash. */
    public Mono<Long> trash(long user, long id) {
        return db.sql("with recursive sub as ("
                        + "select id from drive_entries where id = $1 and user_id = $2 and trashed_at is null "
                        + "union all select e.id from drive_entries e join sub on e.parent_id = sub.id "
                        + "where e.user_id = $2 and e.trashed_at is null) "
                        + "update drive_entries set trashed_at = now(), trash_root = (id = $1) where id in (select id from sub)")
                .bind(0, id).bind(1, user).fetch().rowsUpdated();
    }

    /** An entry the user deleted (a trash root), or 300001. */
    public Mono<Entry> trashed(long user, long id) {
        return db.sql("select " + COLUMNS + " from drive_entries where id = $1 and user_id = $2 and trash_root for update")
                .bind(0, id).bind(1, user).map(EntryStore::toEntry).one()
                .switchIfEmpty(Mono.error(DriveError.NOT_FOUND::exception));
    }

    /** Brings a trash root back, with what was deleted along with it, to {@code parent} under {@code name}. */
    public Mono<Entry> restore(long user, Entry root, long parent, String name) {
        return db.sql("with recursive sub as ("
                        + "select id from drive_entries where id = $1 and user_id = $2 and trash_root "
                        + "union all select e.id from drive_entries e join sub on e.parent_id = sub.id "
                        + "where e.user_id = $2 and e.trashed_at = $3 and not e.trash_root) "
                        + "update drive_entries set trashed_at = null, trash_root = false, "
                        + "parent_id = case when id = $1 then $4 else parent_id end, "
                        + "name = case when id = $1 then $5 else name end where id in (select id from sub)")
                .bind(0, root.id()).bind(1, user).bind(2, root.deletedAt()).bind(3, parent).bind(4, name)
                .fetch().rowsUpdated()
                .onErrorMap(DataIntegrityViolationException.class, e -> DriveError.NAME_TAKEN.exception())
                .then(live(user, root.id()));
    }

    /** Removes a trash root and everything below it for good; returns the files removed. */
    public Flux<Entry> purge(long user, long id) {
        return db.sql("with recursive sub as ("
                        + "select id from drive_entries where id = $1 and user_id = $2 and trash_root "
                        + "union all select e.id from drive_entries e join sub on e.parent_id = sub.id where e.user_id = $2) "
                        + "delete from drive_entries where id in (select id from sub) returning " + COLUMNS)
                .bind(0, id).bind(1, user).map(EntryStore::toEntry).all()
                .filter(entry -> !entry.folder());
    }

    public static Entry toEntry(Readable row) {
        return new Entry(row.get("id", Long.class), row.get("parent_id", Long.class), row.get("name", String.class),
                row.get("folder", Boolean.class), row.get("sha256", String.class), row.get("size", Long.class),
                row.get("created_at", OffsetDateTime.class), row.get("updated_at", OffsetDateTime.class),
                row.get("trashed_at", OffsetDateTime.class));
    }
}
