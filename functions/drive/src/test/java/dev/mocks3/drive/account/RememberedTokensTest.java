package dev.mocks3.drive.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import dev.mocks3.drive.http.DriveError;
import dev.mocks3.drive.http.DriveException;

class RememberedTokensTest {
    private final SettableClock clock = new SettableClock(Instant.parse("2026-12-06T20:00:00Z"));

    @Test
    void aRememberedTokenIsForgottenOnceItExpires() {
        RememberedTokens<Long> tokens = new RememberedTokens<>(clock);
        tokens.remember("t", 7L, clock.instant().plusSeconds(60));
        assertThat(tokens.get("t")).isEqualTo(7L);
        clock.advance(Duration.ofSeconds(59));
        assertThat(tokens.get("t")).isEqualTo(7L);
        clock.advance(Duration.ofSeconds(1));
        assertThat(tokens.get("t")).as("at its expiry").isNull();
        clock.advance(Duration.ofSeconds(-30));
        assertThat(tokens.get("t")).as("an expired token is dropped, not kept for a clock that goes back").isNull();
    }

    @Test
    void pastTheCapItStartsOverSoItsMemoryStaysBounded() {
        RememberedTokens<Long> tokens = new RememberedTokens<>(clock);
        Instant expires = clock.instant().plusSeconds(3600);
        for (long i = 0; i < RememberedTokens.REMEMBERED; i++) {
            tokens.remember("t" + i, i, expires);
        }
        assertThat(tokens.get("t0")).as("within the cap every token is remembered").isEqualTo(0L);
        tokens.remember("one-more", -1L, expires);
        assertThat(tokens.get("t0")).as("past the cap the old ones are forgotten").isNull();
        assertThat(tokens.get("t" + (RememberedTokens.REMEMBERED - 1))).isNull();
        assertThat(tokens.get("one-more")).isEqualTo(-1L);
    }

    @Test
    void anAccessTokenVerifiedOnceIsRefusedAfterItExpires() {
        Tokens tokens = new Tokens("a secret of thirty-two bytes or more!".getBytes(StandardCharsets.UTF_8), Duration.ofMinutes(30), clock);
        String token = tokens.issue(42).accessToken();
        assertThat(tokens.verify(token)).isEqualTo(42L);
        clock.advance(Duration.ofMinutes(29));
        assertThat(tokens.verify(token)).as("remembered, still valid").isEqualTo(42L);
        clock.advance(Duration.ofMinutes(1));
        assertThatThrownBy(() -> tokens.verify(token)).isInstanceOfSatisfying(DriveException.class,
                e -> assertThat(e.error()).isEqualTo(DriveError.UNAUTHORIZED));
    }
}
