package dev.mocks3.drive.share;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;

import org.springframework.r2dbc.core.DatabaseClient;

import com.fasterxml.jackson.annotation.JsonIgnore;

import dev.mocks3.drive.files.Entry;
import dev.mocks3.drive.files.EntryStore;
import dev.mocks3.drive.http.DriveError;
import io.r2dbc.spi.Readable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The {@code drive_shares} and {@code drive_share_items} rows. What a share shows is always read
 * live: only its items not in the trash, and only what lies below them, so a file its owner
 * deletes leaves every share at once (and comes back with a restore).
 */
final class ShareStore {
    private static final String SHARE = "select s.id, s.share_key, s.user_id, s.code, s.created_at, s.expires_at, s.download_limit, "
            + "s.downloads, s.saves, u.name as owner_name from drive_shares s join drive_users u on u.id = s.user_id ";
    private final DatabaseClient db;

    ShareStore(DatabaseClient db) {
        this.db = db;
    }

    /** A share with its owner's name (for the visitor), whatever its expiry. */
    record Found(Share share, String ownerName) {
    }

    /**
     * A new share of {@code ids}, all live entries of the user (300001 otherwise); call in a
     * transaction. Returns the share.
     */
    Mono<Share> create(long user, String key, String code, Instant createdAt, Instant expiresAt, Long downloadLimit, List<Long> ids) {
        Long[] idArray = ids.toArray(Long[]::new);
        Mono<Long> owned = db.sql("select count(*) from drive_entries where id = any($1) and user_id = $2 and trashed_at is null")
                .bind(0, idArray).bind(1, user).map(row -> row.get(0, Long.class)).one();
        return owned.flatMap(count -> count != ids.size() ? Mono.error(DriveError.NOT_FOUND.exception())
                : insert(user, key, code, createdAt, expiresAt, downloadLimit)
                        .flatMap(share -> db.sql("insert into drive_share_items (share_id, entry_id) select $1, unnest($2::bigint[])")
                                .bind(0, share.id()).bind(1, idArray).fetch().rowsUpdated().thenReturn(share)));
    }

    private Mono<Share> insert(long user, String key, String code, Instant createdAt, Instant expiresAt, Long downloadLimit) {
        var spec = db.sql("insert into drive_shares (share_key, user_id, code, created_at, expires_at, download_limit) "
                        + "values ($1, $2, $3, $4, $5, $6) returning id")
                .bind(0, key).bind(1, user).bind(2, code).bind(3, utc(createdAt));
        spec = expiresAt == null ? spec.bindNull(4, OffsetDateTime.class) : spec.bind(4, utc(expiresAt));
        spec = downloadLimit == null ? spec.bindNull(5, Long.class) : spec.bind(5, downloadLimit);
        return spec.map(row -> row.get(0, Long.class)).one()
                .map(id -> new Share(id, key, user, code, createdAt, expiresAt, downloadLimit, 0, 0));
    }

    /** The user's shares, newest first, those before {@code beforeId} (0: from the newest). */
    Flux<Share> page(long user, long beforeId, int limit) {
        return db.sql(SHARE + "where s.user_id = $1 and ($2 = 0 or s.id < $2) order by s.id desc limit $3")
                .bind(0, user).bind(1, beforeId).bind(2, limit).map(ShareStore::toShare).all();
    }

    /** The live top-level items of some shares, by share id. */
    Flux<Item> liveItems(Collection<Long> shareIds) {
        return db.sql("select i.share_id, e.id, e.name, e.folder from drive_share_items i join drive_entries e on e.id = i.entry_id "
                        + "where i.share_id = any($1) and e.trashed_at is null order by i.share_id, e.folder desc, e.name, e.id")
                .bind(0, shareIds.toArray(Long[]::new))
                .map(row -> new Item(row.get(0, Long.class), row.get(1, Long.class), row.get(2, String.class),
                        row.get(3, Boolean.class) ? "folder" : "file"))
                .all();
    }

    /** One top-level item of a share, as its owner's list shows it. */
    record Item(@JsonIgnore long shareId, long id, String name, String type) {
    }

    /** Deletes a share of the user; false when they have no such share. */
    Mono<Boolean> cancel(long user, long id) {
        return db.sql("delete from drive_shares where id = $1 and user_id = $2").bind(0, id).bind(1, user)
                .fetch().rowsUpdated().map(n -> n > 0);
    }

    Mono<Found> byKey(String key) {
        return db.sql(SHARE + "where s.share_key = $1").bind(0, key)
                .map(row -> new Found(toShare(row), row.get("owner_name", String.class))).one();
    }

    Mono<Share> byId(long id) {
        return db.sql(SHARE + "where s.id = $1").bind(0, id).map(ShareStore::toShare).one();
    }

    /** A share and what it reaches of one entry: whether it is a live folder (null: the share does not reach it). */
    record At(Share share, Boolean folder) {
    }

    /**
     * The share {@code id} and, in the same statement, whether it reaches its owner's entry {@code entryId}
     * (as {@link #reaches} decides) and whether that entry is a folder: one round trip where a share
     * listing or download took three.
     */
    Mono<At> at(long id, long entryId) {
        return db.sql("select s.id, s.share_key, s.user_id, s.code, s.created_at, s.expires_at, s.download_limit, s.downloads, "
                        + "s.saves, (select e.folder from drive_entries e where e.id = $2 and e.user_id = s.user_id "
                        + "and e.trashed_at is null and exists (" + walkUp("e", "s.user_id", "s.id") + ")) as reached_folder "
                        + "from drive_shares s where s.id = $1")
                .bind(0, id).bind(1, entryId).map(row -> new At(toShare(row), row.get("reached_folder", Boolean.class))).one();
    }

    /**
     * A subquery with a row when the live entry {@code entry} of {@code owner} is an item of {@code share}
     * or lies below one, every folder on the way up live and the owner's. The way up follows parent ids
     * by primary key and carries whether every step so far was the owner's, rather than asking the
     * owner's index for every entry of theirs (what the planner chose when the owner was a parameter:
     * a hash of the owner's whole drive per step, 100,000 rows for a big drive).
     */
    private static String walkUp(String entry, String owner, String share) {
        return "with recursive up (id, parent_id, own) as (select " + entry + ".id, " + entry + ".parent_id, true "
                + "union all select p.id, p.parent_id, up.own and p.user_id = " + owner + " from drive_entries p "
                + "join up on p.id = up.parent_id where p.trashed_at is null) "
                + "select 1 from up join drive_share_items i on i.entry_id = up.id where up.own and i.share_id = " + share;
    }

    /** The share's top-level items its owner has not deleted, folders first, by name. */
    Flux<Entry> liveItems(Share share) {
        return db.sql("select " + EntryStore.COLUMNS + " from drive_entries where id in "
                        + "(select entry_id from drive_share_items where share_id = $1) and user_id = $2 and trashed_at is null "
                        + "order by folder desc, name, id")
                .bind(0, share.id()).bind(1, share.userId()).map(EntryStore::toEntry).all();
    }

    /**
     * Whether the owner's entry {@code id} is live and is one of the share's items or lies below one,
     * every folder on the way up live too: the only entries a visitor may reach.
     */
    Mono<Boolean> reaches(Share share, long id) {
        return db.sql("select exists (select 1 from drive_entries e where e.id = $1 and e.user_id = $2 and e.trashed_at is null "
                        + "and exists (" + walkUp("e", "$2", "$3") + "))")
                .bind(0, id).bind(1, share.userId()).bind(2, share.id()).map(row -> row.get(0, Boolean.class)).one();
    }

    /** Counts one download, unless the share's limit is reached (false then). */
    Mono<Boolean> countDownload(long shareId) {
        return db.sql("update drive_shares set downloads = downloads + 1 where id = $1 "
                        + "and (download_limit is null or downloads < download_limit)")
                .bind(0, shareId).fetch().rowsUpdated().map(n -> n > 0);
    }

    Mono<Void> countSave(long shareId) {
        return db.sql("update drive_shares set saves = saves + 1 where id = $1").bind(0, shareId).fetch().rowsUpdated().then();
    }

    private static Share toShare(Readable row) {
        OffsetDateTime expires = row.get("expires_at", OffsetDateTime.class);
        return new Share(row.get("id", Long.class), row.get("share_key", String.class), row.get("user_id", Long.class),
                row.get("code", String.class), row.get("created_at", OffsetDateTime.class).toInstant(),
                expires == null ? null : expires.toInstant(), row.get("download_limit", Long.class),
                row.get("downloads", Long.class), row.get("saves", Long.class));
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
