package dev.mocks3.drive.account;

import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;

import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * Argon2id password hashes (OWASP's minimum: 19 MiB, 2 passes, 1 lane). Hashing is CPU work by
 * design, so it runs on a scheduler of its own, never on an event loop.
 */
public final class Passwords {
    /** Checked against when the mobile is unknown, so that answering takes as long as for a known one. */
    private static final String DUMMY = new Argon2PasswordEncoder(16, 32, 1, 19 * 1024, 2).encode("not-a-password");
    private final Argon2PasswordEncoder encoder = new Argon2PasswordEncoder(16, 32, 1, 19 * 1024, 2);
    private final Scheduler kdf = Schedulers.newBoundedElastic(Math.max(2, Runtime.getRuntime().availableProcessors()),
            10_000, "drive-kdf");

    public Mono<String> hash(String password) {
        return Mono.fromCallable(() -> encoder.encode(password)).subscribeOn(kdf);
    }

    /** Whether the password matches; a null hash (unknown user) costs the same and never matches. */
    public Mono<Boolean> matches(String password, String hash) {
        return Mono.fromCallable(() -> {
            if (hash == null) {
                encoder.matches(password, DUMMY);
                return false;
            }
            return encoder.matches(password, hash);
        }).subscribeOn(kdf);
    }
}
