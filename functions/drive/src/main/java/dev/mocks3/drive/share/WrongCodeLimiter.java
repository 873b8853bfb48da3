package dev.mocks3.drive.share;

import java.time.Duration;
import java.util.List;

import org.redisson.api.RScript;
import org.redisson.api.RedissonReactiveClient;
import org.redisson.client.codec.StringCodec;

import dev.mocks3.drive.http.DriveError;
import reactor.core.publisher.Mono;

/**
 * Wrong extraction codes per share and per client address, counted in Redis so every instance
 * shares them. Each attempt takes a slot in both counters before the code is compared (so parallel
 * guesses cannot slip past the limit), and a right code gives its slots back: only wrong codes
 * (and attempts on shares that are not there) use up the limit. A counter is forgotten a window
 * after its first slot was taken.
 */
final class WrongCodeLimiter {
    private static final String PREFIX = "mocks3:drive:share:wrong:";
    // one key per script, so that it runs on a Redis cluster as well
    private static final String TAKE = "local n = redis.call('incr', KEYS[1]) "
            + "if n == 1 then redis.call('pexpire', KEYS[1], ARGV[1]) end return n";
    private static final String GIVE_BACK = "if redis.call('exists', KEYS[1]) == 1 then return redis.call('decr', KEYS[1]) end return 0";
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

    /** Completes when both limits allow one more attempt; 100004 otherwise. */
    Mono<Void> attempt(String shareKey, String address) {
        return Mono.zip(run(TAKE, shareCounter(shareKey), window.toMillis()), run(TAKE, addressCounter(address), window.toMillis()))
                .flatMap(taken -> taken.getT1() > perShare || taken.getT2() > perAddress
                        ? Mono.error(DriveError.TOO_MANY_REQUESTS.exception("too many wrong codes, try again later"))
                        : Mono.empty());
    }

    /** Gives the attempt's slots back: the code was right. */
    Mono<Void> forgive(String shareKey, String address) {
        return Mono.when(run(GIVE_BACK, shareCounter(shareKey)), run(GIVE_BACK, addressCounter(address)));
    }

    // the limit is in the counter's name, so an instance with other settings keeps counters of its own
    private String shareCounter(String shareKey) {
        return PREFIX + perShare + "/" + window.toSeconds() + "s:share:" + shareKey;
    }

    private String addressCounter(String address) {
        return PREFIX + perAddress + "/" + window.toSeconds() + "s:addr:" + address;
    }

    private Mono<Long> run(String script, String key, Object... args) {
        return redis.getScript(StringCodec.INSTANCE).<Long>eval(RScript.Mode.READ_WRITE, script, RScript.ReturnType.INTEGER,
                List.of(key), args);
    }
}
