package dev.mocks3.drive.account;

import org.springframework.stereotype.Component;

import dev.mocks3.drive.content.QuotaLedger;
import dev.mocks3.drive.http.DriveCall;
import dev.mocks3.drive.http.DriveFunction;
import dev.mocks3.drive.http.DriveReply;
import reactor.core.publisher.Mono;

/** GET /usercenter/v1/user/quota — bytes used (files and trash) and the total. */
@Component("driveUserQuota")
public class UserQuota extends DriveFunction {
    private final QuotaLedger quotas;

    public UserQuota(QuotaLedger quotas) {
        this.quotas = quotas;
    }

    @Override
    protected Mono<DriveReply> handle(DriveCall call) {
        return quotas.of(call.user()).map(DriveReply::data);
    }
}
