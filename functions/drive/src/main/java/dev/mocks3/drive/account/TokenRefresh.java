package dev.mocks3.drive.account;

import org.springframework.stereotype.Component;

import dev.mocks3.drive.http.DriveCall;
import dev.mocks3.drive.http.DriveFunction;
import dev.mocks3.drive.http.DriveReply;
import reactor.core.publisher.Mono;

/** POST /usercenter/v1/user/refresh — a new token for the bearer of a valid one. */
@Component("driveTokenRefresh")
public class TokenRefresh extends DriveFunction {
    private final Tokens tokens;

    public TokenRefresh(Tokens tokens) {
        this.tokens = tokens;
    }

    @Override
    protected Mono<DriveReply> handle(DriveCall call) {
        return Mono.fromSupplier(() -> DriveReply.data(tokens.issue(call.user())));
    }
}
