package dev.mocks3.local.drive;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.redisson.api.RedissonClient;
import org.springframework.core.env.Environment;
import org.springframework.r2dbc.connection.R2dbcTransactionManager;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;

import dev.mocks3.drive.content.Quota;
import dev.mocks3.drive.content.QuotaLedger;
import dev.mocks3.local.MockS3Fixture;
import dev.mocks3.local.drive.DriveClient.User;
import io.r2dbc.spi.ConnectionFactories;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.ConnectionFactoryOptions;

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

    @Test
    void aReadThatMissedAndCachesWhatItReadAfterAChargeLeavesTheCharge() throws Exception {
        User user = drive.newUser();
        ConnectionFactoryOptions database = ConnectionFactoryOptions.parse(setting("spring.r2dbc.url"));
        try (HeldRowsRelay relay = new HeldRowsRelay((String) database.getRequiredValue(ConnectionFactoryOptions.HOST),
                (Integer) database.getRequiredValue(ConnectionFactoryOptions.PORT), "from drive_users where id")) {
            // another instance of the drive, whose read of the user's quota PostgreSQL answers at once but it hears late
            QuotaLedger otherInstance = ledgerThrough(database, relay.port());
            CompletableFuture<Quota> read = otherInstance.of(user.id()).toFuture();
            assertThat(relay.awaitRowsHeld(Duration.ofSeconds(20))).as("the read missed the cache and queried PostgreSQL").isTrue();
            Quota charged = ledger.charge(user.id(), 4096).block();
            ledger.remember(user.id(), charged).block();
            relay.release();
            assertThat(read.get(20, TimeUnit.SECONDS).used()).as("the read saw the quota before the charge").isZero();
        }
        assertThat(used(user)).isEqualTo(4096);
    }

    private static QuotaLedger ledgerThrough(ConnectionFactoryOptions database, int port) {
        ConnectionFactoryOptions.Builder options = database.mutate().option(ConnectionFactoryOptions.HOST, "127.0.0.1")
                .option(ConnectionFactoryOptions.PORT, port).option(ConnectionFactoryOptions.USER, setting("spring.r2dbc.username"))
                .option(ConnectionFactoryOptions.SSL, false);
        if (!setting("spring.r2dbc.password").isEmpty()) {
            options.option(ConnectionFactoryOptions.PASSWORD, setting("spring.r2dbc.password"));
        }
        ConnectionFactory relayed = ConnectionFactories.get(options.build());
        return new QuotaLedger(DatabaseClient.create(relayed), TransactionalOperator.create(new R2dbcTransactionManager(relayed)),
                MOCKS3.bean(RedissonClient.class).reactive());
    }

    private static String setting(String key) {
        return MOCKS3.bean(Environment.class).getRequiredProperty(key);
    }

    private long used(User user) {
        return drive.get("/usercenter/v1/user/quota", user.token()).data().path("used").asLong();
    }
}
