package dev.mocks3.drive.share;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

import org.redisson.api.RedissonReactiveClient;
import org.redisson.client.codec.StringCodec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import reactor.core.publisher.Mono;

/**
 * How often each share was opened with its code, counted in Redis: a popular share's visitors then
 * never queue on its PostgreSQL row. A count is a statistic: Redis failing costs counts, never a
 * visit.
 */
final class ShareViews {
    private static final Logger log = LoggerFactory.getLogger(ShareViews.class);
    private static final String PREFIX = "mocks3:drive:share:views:";
    private final RedissonReactiveClient redis;

    ShareViews(RedissonReactiveClient redis) {
        this.redis = redis;
    }

    Mono<Void> count(long shareId) {
        return redis.getAtomicLong(PREFIX + shareId).incrementAndGet().then()
                .onErrorResume(e -> {
                    log.warn("view of share {} not counted: {}", shareId, e.toString());
                    return Mono.empty();
                });
    }

    /** The view counts of some shares (0 for a share never opened, or when Redis cannot tell). */
    Mono<Map<Long, Long>> of(Collection<Long> shareIds) {
        if (shareIds.isEmpty()) {
            return Mono.just(Map.of());
        }
        return redis.getBuckets(StringCodec.INSTANCE).<String>get(shareIds.stream().map(id -> PREFIX + id).toArray(String[]::new))
                .map(found -> {
                    Map<Long, Long> counts = new HashMap<>();
                    for (Long id : shareIds) {
                        String value = found.get(PREFIX + id);
                        counts.put(id, value == null ? 0L : Long.parseLong(value));
                    }
                    return counts;
                })
                .onErrorResume(e -> {
                    log.warn("share view counts unavailable: {}", e.toString());
                    return Mono.just(Map.of());
                });
    }

    Mono<Void> forget(long shareId) {
        return redis.getAtomicLong(PREFIX + shareId).delete().then().onErrorResume(e -> Mono.empty());
    }
}
