package dev.mocks3.faults;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * {@code mocks3.faults.*}.
 *
 * @param enabled         false removes faultCheck/faultRespond from the request path and the rules API
 * @param apiPort         port of the rules API (the seed's Mock Error Service); 0 picks a free port, -1 starts none
 * @param apiHost         address the rules API binds to; unset, the S3 port's {@code server.address} (else 0.0.0.0)
 * @param apiToken        bearer token accepted by the rules API besides SigV4; setting it makes authentication required
 * @param apiAuth         {@code auto}: the rules API wants SigV4 or the token when strict, not on loopback, or a token
 *                        is set; {@code required}: always; {@code off}: never (a cluster-local service fed by Triggers)
 * @param seed            seeds every rule without a seed of its own, so whole runs are reproducible
 * @param headerFaults    accept a fault asked for by the request itself in {@code x-mocks3-fault} (tests only)
 * @param redisPrefix     prefix of every Redis key the faults module writes
 * @param refreshInterval how often each instance re-reads the rules even without a change signal
 * @param statsFlush      how often local stats counters are added to the shared Redis hash
 * @param staleBodyLimit  largest object body a stale_read rule keeps a copy of
 * @param cache           where counters, stats and change signals live: {@code redis} or {@code local}
 * @param historyBucket   the time bucket of the per-rule stats history ({@code GET /api/v1/stats?history=})
 * @param historyRetention how long the per-rule stats history is kept
 * @param scenarioTick    how often (real time) running scenarios advance phases, step ramps and check guards
 */
@ConfigurationProperties("mocks3.faults")
public record FaultsProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("8085") int apiPort,
        String apiHost,
        String apiToken,
        @DefaultValue("auto") String apiAuth,
        Long seed,
        @DefaultValue("false") boolean headerFaults,
        @DefaultValue("mocks3:faults") String redisPrefix,
        @DefaultValue("5s") Duration refreshInterval,
        @DefaultValue("200ms") Duration statsFlush,
        @DefaultValue("8MB") DataSize staleBodyLimit,
        @DefaultValue("redis") String cache,
        @DefaultValue("10s") Duration historyBucket,
        @DefaultValue("1h") Duration historyRetention,
        @DefaultValue("100ms") Duration scenarioTick) {

    public static final String FAULT_HEADER = "x-mocks3-fault";

    public boolean useRedis() {
        return "redis".equalsIgnoreCase(cache);
    }
}
