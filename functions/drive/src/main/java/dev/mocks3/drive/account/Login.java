package dev.mocks3.drive.account;

import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;

import dev.mocks3.drive.http.DriveCall;
import dev.mocks3.drive.http.DriveError;
import dev.mocks3.drive.http.DriveFunction;
import dev.mocks3.drive.http.DriveReply;
import reactor.core.publisher.Mono;

/**
 * POST /usercenter/v1/user/login — a token for the right mobile and password. Attempts are limited
 * per mobile and per client address before any password is checked; an unknown mobile costs the
 * same password check and gets the same answer as a wrong password.
 */
@Component("driveLogin")
public class Login extends DriveFunction {
    private final UserStore users;
    private final Passwords passwords;
    private final Tokens tokens;
    private final LoginLimiter limiter;

    public Login(UserStore users, Passwords passwords, Tokens tokens, LoginLimiter limiter) {
        this.users = users;
        this.passwords = passwords;
        this.tokens = tokens;
        this.limiter = limiter;
    }

    @Override
    protected Mono<DriveReply> handle(DriveCall call) {
        Credentials given = Credentials.given(call.input());
        return limiter.attempt(given.mobile(), call.clientAddress())
                .then(users.byMobile(given.mobile()).map(java.util.Optional::of).defaultIfEmpty(java.util.Optional.empty()))
                .flatMap(user -> {
                    long kdfStart = System.nanoTime();
                    return passwords.matches(given.password(), user.map(UserRecord::passwordHash).orElse(null))
                            .flatMap(ok -> ok ? Mono.just(issued(user.get().id(), System.nanoTime() - kdfStart))
                                    : Mono.error(DriveError.BAD_CREDENTIALS.exception()));
                });
    }

    /** The token, with the password check's time (queue included) as {@code Server-Timing: kdf}. */
    private DriveReply issued(long userId, long kdfNanos) {
        HttpHeaders headers = new HttpHeaders();
        headers.set("Server-Timing", String.format(java.util.Locale.ROOT, "kdf;dur=%.3f", kdfNanos / 1e6));
        return new DriveReply.Data(tokens.issue(userId), headers);
    }
}
