package dev.mocks3.drive.account;

import org.springframework.stereotype.Component;

import dev.mocks3.drive.DriveProperties;
import dev.mocks3.drive.http.DriveCall;
import dev.mocks3.drive.http.DriveError;
import dev.mocks3.drive.http.DriveFunction;
import dev.mocks3.drive.http.DriveReply;
import reactor.core.publisher.Mono;

/** POST /usercenter/v1/user/register — a new user with the default quota; answers a token as login does. */
@Component("driveRegister")
public class Register extends DriveFunction {
    private final UserStore users;
    private final Passwords passwords;
    private final Tokens tokens;
    private final DriveProperties p;

    public Register(UserStore users, Passwords passwords, Tokens tokens, DriveProperties p) {
        this.users = users;
        this.passwords = passwords;
        this.tokens = tokens;
        this.p = p;
    }

    @Override
    protected Mono<DriveReply> handle(DriveCall call) {
        Credentials credentials = Credentials.from(call.input());
        String name = Credentials.name(call.input());
        return users.byMobile(credentials.mobile())
                .flatMap(taken -> Mono.<String>error(DriveError.MOBILE_TAKEN.exception()))
                .switchIfEmpty(Mono.defer(() -> passwords.hash(credentials.password())))
                .flatMap(hash -> users.create(credentials.mobile(), name, hash, p.defaultQuota().toBytes()))
                .switchIfEmpty(Mono.error(DriveError.MOBILE_TAKEN::exception))
                .map(id -> DriveReply.data(tokens.issue(id)));
    }
}
