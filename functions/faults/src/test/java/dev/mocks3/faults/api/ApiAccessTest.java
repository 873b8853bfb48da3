package dev.mocks3.faults.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import dev.mocks3.core.auth.AccessKeys;

/** When the rules API asks callers to authenticate ({@code mocks3.faults.api-auth}). */
class ApiAccessTest {
    private static final AccessKeys KEYS = AccessKeys.defaults();

    private static boolean required(String mode, String token, boolean strict, String host) {
        return ApiAccess.of(KEYS, token, mode, strict, host).authRequired();
    }

    @Test
    void laptopSetUpOnLoopbackNeedsNoAuthentication() {
        assertThat(required("auto", null, false, "127.0.0.1")).isFalse();
        assertThat(required("auto", null, false, "localhost")).isFalse();
    }

    @Test
    void strictModeExposedAddressOrATokenMakeItRequired() {
        assertThat(required("auto", null, true, "127.0.0.1")).isTrue();
        assertThat(required("auto", null, false, "0.0.0.0")).isTrue();
        assertThat(required("auto", "secret", false, "127.0.0.1")).isTrue();
    }

    @Test
    void explicitModesWin() {
        assertThat(required("off", null, true, "0.0.0.0")).isFalse();
        assertThat(required("required", null, false, "127.0.0.1")).isTrue();
        assertThatThrownBy(() -> required("sometimes", null, false, "127.0.0.1"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
