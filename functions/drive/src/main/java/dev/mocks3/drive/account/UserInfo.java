package dev.mocks3.drive.account;

import org.springframework.stereotype.Component;

import dev.mocks3.drive.http.DriveCall;
import dev.mocks3.drive.http.DriveError;
import dev.mocks3.drive.http.DriveFunction;
import dev.mocks3.drive.http.DriveReply;
import reactor.core.publisher.Mono;

/** GET /usercenter/v1/user/info — the caller's id, mobile, name and registration time. */
@Component("driveUserInfo")
public class UserInfo extends DriveFunction {
    private final UserStore users;

    public UserInfo(UserStore users) {
        this.users = users;
    }

    @Override
    protected Mono<DriveReply> handle(DriveCall call) {
        return users.byId(call.user())
                .switchIfEmpty(Mono.error(() -> DriveError.UNAUTHORIZED.exception("user no longer exists")))
                .map(user -> DriveReply.data(new Info(user.id(), user.mobile(), user.name(), user.createdAt().toEpochSecond())));
    }

    record Info(long id, String mobile, String name, long createdAt) {
    }
}
