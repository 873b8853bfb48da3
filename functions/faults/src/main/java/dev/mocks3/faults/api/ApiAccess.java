package dev.mocks3.faults.api;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.ServerResponse;

import dev.mocks3.core.auth.AccessKeys;
import dev.mocks3.core.auth.SigV4Verifier;

/**
 * Who may change the rules: anyone on this machine in the laptop set-up (loopback, not strict, no
 * token); otherwise only a caller that signs with an S3 key or sends the bearer token.
 */
public record ApiAccess(AccessKeys keys, String token, boolean authRequired, boolean loopback) {
    private static final Logger log = LoggerFactory.getLogger(ApiAccess.class);

    /** @param mode {@code auto}, {@code required} or {@code off} ({@code mocks3.faults.api-auth}) */
    public static ApiAccess of(AccessKeys keys, String token, String mode, boolean strict, String bindHost) {
        boolean hasToken = token != null && !token.isBlank();
        boolean required = switch (mode.toLowerCase(java.util.Locale.ROOT)) {
            case "required" -> true;
            case "off" -> false;
            case "auto" -> strict || hasToken || !isLoopback(bindHost);
            default -> throw new IllegalArgumentException("mocks3.faults.api-auth must be auto, required or off, not "
                    + mode);
        };
        if (!required && !isLoopback(bindHost)) {
            log.warn("the rules API on {} accepts rule changes from anyone who reaches it (mocks3.faults.api-auth=off)",
                    bindHost);
        } else if (required) {
            log.info("the rules API requires a SigV4 signature with an S3 key{}",
                    hasToken ? " or the bearer token" : "");
        }
        return new ApiAccess(keys, token, required, isLoopback(bindHost));
    }

    /** Every route behind the origin, content-type and authentication checks. */
    public RouterFunction<ServerResponse> guard(RouterFunction<ServerResponse> routes) {
        return routes.filter(new ApiGuard(SigV4Verifier.forAnyService(keys, Clock.systemUTC()), token, authRequired,
                loopback));
    }

    private static boolean isLoopback(String host) {
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
