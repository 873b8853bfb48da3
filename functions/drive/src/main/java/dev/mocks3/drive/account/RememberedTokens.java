package dev.mocks3.drive.account;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Tokens already verified, with what they name, until they expire: a signed token never changes, so
 * its parse and HMAC happen once instead of on every request. Holds at most {@link #REMEMBERED}
 * tokens, then starts over. The expiry is still checked on every use.
 *
 * @param <T> what a verified token names
 */
public final class RememberedTokens<T> {
    static final int REMEMBERED = 10_000;
    private final Map<String, Remembered<T>> verified = new ConcurrentHashMap<>();
    private final Clock clock;

    private record Remembered<T>(T value, Instant expires) {
    }

    public RememberedTokens(Clock clock) {
        this.clock = clock;
    }

    /** What {@code token} was verified to name, while it has not expired; null otherwise. */
    public T get(String token) {
        Remembered<T> known = verified.get(token);
        if (known == null) {
            return null;
        }
        if (known.expires().isAfter(clock.instant())) {
            return known.value();
        }
        verified.remove(token);
        return null;
    }

    /** Remembers a token just verified, with what it names and when it expires. */
    public void remember(String token, T value, Instant expires) {
        if (verified.size() >= REMEMBERED) {
            verified.clear();
        }
        verified.put(token, new Remembered<>(value, expires));
    }
}
