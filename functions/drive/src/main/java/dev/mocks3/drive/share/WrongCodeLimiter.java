package dev.mocks3.drive.share;

import java.time.Duration;
import java.util.List;

import org.redisson.api.RScript;
import org.redisson.api.RedissonReactiveClient;
import org.redisson.client.codec.StringCodec;

import reactor.core.publisher.Mono;

/**
 * Wrong extraction codes per share and per client address, counted in Redis so every instance
 * shares them; a counter is forgotten a window after its first wrong code. Only wrong codes (and
 * keys that open nothing) count, so any number of visitors with the right code may open a share at
 * once. The bound is strict however many guesses run in parallel: a wrong code is answered as such
 * only while its own increment stays within the limit, and a right code is honoured only while the
 * counters are below it; past the limit, right and wrong codes get the same answer (100004).
 */
final class WrongCodeLimiter {
    private static final String PREFIX = "mocks3:drive:share:wrong:";
    // one key per script, so that it runs on a Redis cluster as well
    private static final String COUNT = "local n = redis.call('incr', KEYS[1]) "
            + "if n == 1 then redis.call('pexpire', KEYS[1], ARGV[1]) end return n";
    private final RedissonReactiveClient redis;
    private final int perShare;
    private final int perAddress;
    private final Duration window;

    WrongCodeLimiter(RedissonReactiveClient redis, int perShare, int perAddress, Duration window) {
        this.redis = redis;
        this.perShare = perShare;
        this.perAddress = perAddress;
        this.window = window;
    }

    /** Counts a wrong code; true when it went past a limit (the answer is then 100004, as for a right code). */
    Mono<Boolean> countWrong(String shareKey, String address) {
        return Mono.zip(count(shareCounter(shareKey)), count(addressCounter(address)))
                .map(counted -> counted.getT1() > perShare || counted.getT2() > perAddress);
    }

    /** Whether the share or the address used up its wrong codes: a right code must wait too. Both counters in one read. */
    Mono<Boolean> locked(String shareKey, String address) {
        String share = shareCounter(shareKey);
        String addr = addressCounter(address);
        return redis.getBuckets(StringCodec.INSTANCE).<String>get(share, addr)
                .map(counted -> parsed(counted.get(share)) >= perShare || parsed(counted.get(addr)) >= perAddress);
    }

    private static long parsed(String counter) {
        return counter == null ? 0 : Long.parseLong(counter);
    }

    // the limit is in the counter's name, so an instance with other settings keeps counters of its own
    private String shareCounter(String shareKey) {
        return PREFIX + perShare + "/" + window.toSeconds() + "s:share:" + shareKey;
    }

    private String addressCounter(String address) {
        return PREFIX + perAddress + "/" + window.toSeconds() + "s:addr:" + address;
    }

    private Mono<Long> count(String key) {
        return redis.getScript(StringCodec.INSTANCE).<Long>eval(RScript.Mode.READ_WRITE, COUNT, RScript.ReturnType.INTEGER,
                List.of(key), window.toMillis());
    }
}
