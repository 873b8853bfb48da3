package dev.mocks3.drive.content;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.redisson.api.RScript;
import org.redisson.api.RedissonReactiveClient;
import org.redisson.client.codec.StringCodec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;

import dev.mocks3.drive.http.DriveError;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Quotas. PostgreSQL is the truth: a charge is one conditional update of the user's row inside the
 * caller's transaction, so concurrent uploads serialize on that row and none can take the total
 * over (a check constraint backs this up). Redis caches what {@code quota} answers and is
 * rewritten after every change; {@link #reconcile} recomputes the used bytes from the files.
 * Every change takes the row's version one up (a trigger, V206) and the cache takes only figures
 * at least as new as its own, so charges (or a read that missed) landing in Redis in any order
 * leave the newest figures there. Redis failing (or taking longer than {@link #REDIS_PATIENCE})
 * fails nothing: the figures it missed are kept here, this instance reads those users from
 * PostgreSQL, and {@link #storeMissed} writes the figures again until Redis takes them.
 */
public final class QuotaLedger {
    private static final Logger log = LoggerFactory.getLogger(QuotaLedger.class);
    // a hash (used, total, version); before V206 a plain string lived under mocks3:drive:quota:<id>
    private static final String PREFIX = "mocks3:drive:quota:versioned:";
    private static final Duration CACHED_FOR = Duration.ofMinutes(10);
    /** A cache read or write Redis has not answered by then counts as failed (Redisson's own retries take ~15 s). */
    private static final Duration REDIS_PATIENCE = Duration.ofSeconds(1);
    /** How often {@link #storeMissed} should run. */
    public static final Duration RETRY_INTERVAL = Duration.ofSeconds(1);
    /*
     * KEYS[1] the user's cache; ARGV: version, time to live (ms), used, total. Figures older than the
     * cached ones change nothing; equal versions hold equal figures, so rewriting them is harmless (and
     * so is a write that lands after it timed out here).
     */
    private static final String STORE = """
            local cached = tonumber(redis.call('hget', KEYS[1], 'version'))
            if cached and cached > tonumber(ARGV[1]) then return 0 end
            redis.call('del', KEYS[1])
            redis.call('hset', KEYS[1], 'version', ARGV[1], 'used', ARGV[3], 'total', ARGV[4])
            redis.call('pexpire', KEYS[1], ARGV[2])
            return 1""";
    private final DatabaseClient db;
    private final TransactionalOperator tx;
    private final RedissonReactiveClient redis;
    /**
     * Per user, the newest figures whose cache write failed: until they land, Redis may hold older ones
     * (it kept them while this instance could not reach it), so this instance reads that user from PostgreSQL.
     */
    private final Map<Long, Quota> missed = new ConcurrentHashMap<>();

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

    /** The cached quota, read from PostgreSQL (and cached) on a miss, or while the cache lacks this user's newest figures. */
    public Mono<Quota> of(long userId) {
        Mono<Quota> cached = missed.containsKey(userId) ? Mono.empty()
                : redis.<String, String>getMap(key(userId), StringCodec.INSTANCE).readAllMap().timeout(REDIS_PATIENCE)
                        .filter(figures -> figures.containsKey("used")).map(QuotaLedger::parse)
                        .onErrorResume(e -> Mono.empty());
        return cached.switchIfEmpty(Mono.defer(() -> fromDatabase(userId).flatMap(q -> remember(userId, q))));
    }

    /**
     * Writes figures PostgreSQL returned to the cache, unless it holds newer ones. When Redis fails,
     * that is logged and the figures are kept for {@link #storeMissed}; the answer is {@code quota} all the same.
     */
    public Mono<Quota> remember(long userId, Quota quota) {
        return store(userId, quota).thenReturn(quota)
                .onErrorResume(e -> {
                    log.warn("quota cache not updated for user {} (written again once Redis answers): {}", userId, e.toString());
                    missed.merge(userId, quota, (kept, failed) -> failed.version() > kept.version() ? failed : kept);
                    return Mono.just(quota);
                });
    }

    /**
     * Writes again the figures Redis missed, user by user, stopping at the first failure (Redis is still
     * away; the next call tries again). Returns how many users' figures landed.
     */
    public Mono<Long> storeMissed() {
        return Flux.fromIterable(List.copyOf(missed.entrySet()))
                .concatMap(entry -> store(entry.getKey(), entry.getValue()), 0)
                .onErrorResume(e -> Mono.empty())
                .count();
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

    /**
     * Runs {@link #STORE} with the figures. Once it has run (the figures taken, or newer ones found),
     * figures this instance missed for the user that are no newer are in the cache too.
     */
    private Mono<Long> store(long userId, Quota quota) {
        return redis.getScript(StringCodec.INSTANCE).<Long>eval(RScript.Mode.READ_WRITE, STORE, RScript.ReturnType.INTEGER,
                        List.of(key(userId)), quota.version(), CACHED_FOR.toMillis(), quota.used(), quota.total())
                .timeout(REDIS_PATIENCE)
                .doOnSuccess(ran -> missed.computeIfPresent(userId, (id, kept) -> kept.version() <= quota.version() ? null : kept));
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
