package dev.mocks3.drive.share;

import java.time.Clock;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code mocks3.drive.share.*}: the drive's shares.
 *
 * @param tokenLifetime         how long a share token (what a right code opens) stays valid
 * @param wrongCodesPerShare    wrong codes allowed on one share per {@code wrongCodeWindow}
 * @param wrongCodesPerAddress  wrong codes allowed from one client address per {@code wrongCodeWindow}
 * @param wrongCodeWindow       the wrong-code limiters' window
 * @param maxItems              most files and folders one share holds
 * @param clockOffset           added to the system clock for everything shares time (creation, expiry,
 *                              tokens): tests see a share expire by running an instance days ahead
 */
@ConfigurationProperties("mocks3.drive.share")
public record ShareProperties(
        @DefaultValue("30m") Duration tokenLifetime,
        @DefaultValue("10") int wrongCodesPerShare,
        @DefaultValue("50") int wrongCodesPerAddress,
        @DefaultValue("10m") Duration wrongCodeWindow,
        @DefaultValue("100") int maxItems,
        @DefaultValue("0s") Duration clockOffset) {

    /** The clock of shares: the system's, shifted by {@code clockOffset}. */
    public Clock clock() {
        return clockOffset.isZero() ? Clock.systemUTC() : Clock.offset(Clock.systemUTC(), clockOffset);
    }
}
