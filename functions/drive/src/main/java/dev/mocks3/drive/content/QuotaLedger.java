package dev.mocks3.drive.content;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.redisson.api.RScript;
import org.redisson.api.RedissonReactiveClient;
import org.redisson.client.codec.StringCodec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;

import dev.mocks3.drive.http.DriveError;
import reactor.core.publisher.Mono;

/**
 * Quotas. PostgreSQL is the truth: a charge is one conditional update of the user's row inside the
 * caller's transaction, so concurrent uploads serialize on that row and none can take the total
 * over (a check constraint backs this up). Redis caches what {@code quota} answers and is
 * rewritten after every change; {@link #reconcile} recomputes the used bytes from the files.
 * Every change takes the row's version one up (a trigger, V206) and the cache takes only figures
 * at least as new as its own, so charges (or a read that missed) landing in Redis in any order
 * leave the newest figures there.
 */
public final class QuotaLedger {
    private static final Logger log = LoggerFactory.getLogger(QuotaLedger.class);
    // a hash (used, total, version); before V206 a plain string lived under mocks3:drive:quota:<id>
    private static final String PREFIX = "mocks3:drive:quota:versioned:";
    private static final Duration CACHED_FOR = Duration.ofMinutes(10);
    /*
     * KEYS[1] the user's cache; ARGV: version, time to live (ms), then used and total, or neither to
     * drop the figures but keep the version. Figures older than the cached ones change nothing; equal
     * versions hold equal figures, so rewriting them is harmless.
     */
    private static final String STORE = """
            local cached = tonumber(redis.call('hget', KEYS[1], 'version'))
            if cached and cached > tonumber(ARGV[1]) then return 0 end
            redis.call('del', KEYS[1])
            if ARGV[3] then
                redis.call('hset', KEYS[1], 'version', ARGV[1], 'used', ARGV[3], 'total', ARGV[4])
            else
                redis.call('hset', KEYS[1], 'version', ARGV[1])
            end
            redis.call('pexpire', KEYS[1], ARGV[2])
            return 1""";
    private final DatabaseClient db;
    private final TransactionalOperator tx;
    private final RedissonReactiveClient redis;

    public QuotaLedger(DatabaseClient db, TransactionalOperator tx, RedissonReactiveClient redis) {
        this.db = db;
        this.tx = tx;
        this.redis = redis;
    }

    /** Adds {@code bytes} to the used quota, or fails with 300005; call inside the transaction that adds the files. */
    public Mono<Quota> charge(long userId, long bytes) {
        return db.sql("update drive_users set quota_used = quota_used + $2 where id = $1 and quota_used + $2 <= quota_total "
                        + "returning quota_used, quota_total, quota_version")
                .bind(0, userId).bind(1, bytes).map(QuotaLedger::toQuota).one()
                .switchIfEmpty(Mono.error(DriveError.QUOTA_EXCEEDED::exception));
    }

    /** Gives back {@code bytes}; call inside the transaction that removes the files. */
    public Mono<Quota> refund(long userId, long bytes) {
        return db.sql("update drive_users set quota_used = greatest(quota_used - $2, 0) where id = $1 "
                        + "returning quota_used, quota_total, quota_version")
                .bind(0, userId).bind(1, bytes).map(QuotaLedger::toQuota).one();
    }

    /** Whether {@code bytes} more would fit now (a presign's early answer; the charge decides). */
    public Mono<Boolean> fits(long userId, long bytes) {
        return of(userId).map(q -> q.used() + bytes <= q.total());
    }

    /** The cached quota, read from PostgreSQL (and cached) on a miss. */
    public Mono<Quota> of(long userId) {
        return redis.<String, String>getMap(key(userId), StringCodec.INSTANCE).readAllMap()
                .filter(cached -> cached.containsKey("used")).map(QuotaLedger::parse)
                .onErrorResume(e -> Mono.empty())
                .switchIfEmpty(Mono.defer(() -> fromDatabase(userId).flatMap(q -> remember(userId, q))));
    }

    /**
     * Writes figures PostgreSQL returned to the cache, unless it holds newer ones. When Redis fails,
     * that is logged and the cached figures are dropped (they may be older than PostgreSQL's).
     */
    public Mono<Quota> remember(long userId, Quota quota) {
        long ttl = CACHED_FOR.toMillis();
        return store(userId, quota.version(), ttl, quota.used(), quota.total()).thenReturn(quota)
                .onErrorResume(e -> {
                    log.warn("quota cache not updated for user {}: {}", userId, e.toString());
                    return store(userId, quota.version(), ttl).thenReturn(quota).onErrorReturn(quota);
                });
    }

    /**
     * Recomputes every user's used bytes from their files (trash included) and corrects drift in
     * PostgreSQL and the cache. Each user is locked while recounted, so charges running meanwhile
     * are neither lost nor counted twice. Returns how many users were corrected.
     */
    public Mono<Long> reconcile() {
        return db.sql("select id from drive_users order by id").map(row -> row.get(0, Long.class)).all()
                .concatMap(this::reconcile)
                .filter(Boolean::booleanValue).count();
    }

    private Mono<Boolean> reconcile(long userId) {
        Mono<Boolean> recount = db.sql("select quota_used from drive_users where id = $1 for update").bind(0, userId)
                .map(row -> row.get(0, Long.class)).one()
                .flatMap(used -> db.sql("select coalesce(sum(size), 0)::bigint from drive_entries where user_id = $1 and not folder")
                        .bind(0, userId).map(row -> row.get(0, Long.class)).one()
                        .flatMap(actual -> actual.equals(used) ? Mono.just(false)
                                : db.sql("update drive_users set quota_used = $2 where id = $1").bind(0, userId).bind(1, actual)
                                        .fetch().rowsUpdated().doOnNext(n -> log.warn("quota of user {} corrected from {} to {}",
                                                userId, used, actual)).thenReturn(true)));
        return tx.transactional(recount)
                .flatMap(changed -> fromDatabase(userId).flatMap(q -> remember(userId, q)).thenReturn(changed));
    }

    private Mono<Quota> fromDatabase(long userId) {
        return db.sql("select quota_used, quota_total, quota_version from drive_users where id = $1").bind(0, userId)
                .map(QuotaLedger::toQuota).one();
    }

    /** Runs {@link #STORE} with its ARGV. */
    private Mono<Long> store(long userId, Object... args) {
        return redis.getScript(StringCodec.INSTANCE).<Long>eval(RScript.Mode.READ_WRITE, STORE, RScript.ReturnType.INTEGER,
                List.of(key(userId)), args);
    }

    private static String key(long userId) {
        return PREFIX + userId;
    }

    private static Quota parse(Map<String, String> cached) {
        return new Quota(Long.parseLong(cached.get("used")), Long.parseLong(cached.get("total")),
                Long.parseLong(cached.get("version")));
    }

    private static Quota toQuota(io.r2dbc.spi.Readable row) {
        return new Quota(row.get(0, Long.class), row.get(1, Long.class), row.get(2, Long.class));
    }
}
