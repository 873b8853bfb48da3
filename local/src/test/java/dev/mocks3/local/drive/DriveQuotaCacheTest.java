package dev.mocks3.local.drive;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import dev.mocks3.drive.content.Quota;
import dev.mocks3.drive.content.QuotaLedger;
import dev.mocks3.local.MockS3Fixture;
import dev.mocks3.local.drive.DriveClient.User;

/**
 * The quota cache in Redis never goes back in time: figures that reach it late, after newer ones,
 * are refused, so the quota API answers what PostgreSQL holds.
 */
class DriveQuotaCacheTest {
    private static final MockS3Fixture MOCKS3 = MockS3Fixture.shared();
    private final DriveClient drive = new DriveClient(MOCKS3);
    private final QuotaLedger ledger = MOCKS3.bean(QuotaLedger.class);

    @Test
    void aChargeCachedAfterTheRefundThatFollowedItLeavesTheRefundedQuota() {
        User user = drive.newUser();
        Quota charged = ledger.charge(user.id(), 5000).block();
        Quota refunded = ledger.refund(user.id(), 3000).block();
        // two requests' cache writes landing in the other order, as concurrent uploads' may
        ledger.remember(user.id(), refunded).block();
        ledger.remember(user.id(), charged).block();
        assertThat(used(user)).isEqualTo(2000);
    }

    private long used(User user) {
        return drive.get("/usercenter/v1/user/quota", user.token()).data().path("used").asLong();
    }
}
