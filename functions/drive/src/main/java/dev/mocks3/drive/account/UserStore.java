package dev.mocks3.drive.account;

import java.time.OffsetDateTime;

import org.springframework.r2dbc.core.DatabaseClient;

import io.r2dbc.spi.Readable;
import reactor.core.publisher.Mono;

/** The {@code drive_users} rows. */
public final class UserStore {
    private static final String COLUMNS = "id, mobile, name, password_hash, created_at";
    private final DatabaseClient db;

    public UserStore(DatabaseClient db) {
        this.db = db;
    }

    /** The new user's id, or empty when the mobile is already registered. */
    public Mono<Long> create(String mobile, String name, String passwordHash, long quota) {
        return db.sql("insert into drive_users (mobile, name, password_hash, quota_total) values ($1, $2, $3, $4) "
                        + "on conflict (mobile) do nothing returning id")
                .bind(0, mobile).bind(1, name).bind(2, passwordHash).bind(3, quota)
                .map(row -> row.get(0, Long.class)).one();
    }

    public Mono<UserRecord> byMobile(String mobile) {
        return db.sql("select " + COLUMNS + " from drive_users where mobile = $1").bind(0, mobile)
                .map(UserStore::toRecord).one();
    }

    public Mono<UserRecord> byId(long id) {
        return db.sql("select " + COLUMNS + " from drive_users where id = $1").bind(0, id)
                .map(UserStore::toRecord).one();
    }

    private static UserRecord toRecord(Readable row) {
        return new UserRecord(row.get("id", Long.class), row.get("mobile", String.class), row.get("name", String.class),
                row.get("password_hash", String.class), row.get("created_at", OffsetDateTime.class));
    }
}
