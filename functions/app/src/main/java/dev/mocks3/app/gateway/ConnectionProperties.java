package dev.mocks3.app.gateway;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import dev.mocks3.core.netty.ConnectionSettings;

/**
 * How long the S3 port waits for clients, how many connections it holds, and how it answers and logs
 * while a dependency is down. Timeouts are answered as S3 does: {@code 400 RequestTimeout}, then close.
 *
 * @param idleTimeout        a connection without a request under way is closed after this; longer
 *                           than the AWS SDK's 60 s pool idle time, so an SDK does not reuse a closing one
 * @param headerReadTimeout  the whole request head (line and headers) must arrive within this
 * @param bodyReadTimeout    a body that sends nothing for this long while the server reads fails the request
 * @param maxConnections     connections beyond this many are answered {@code 503 SlowDown} and closed
 * @param retryAfter         the {@code Retry-After} of a {@code 503 ServiceUnavailable} (PostgreSQL down)
 * @param stackTraceInterval a failure of one kind logs its stack trace at most once per interval
 */
@ConfigurationProperties("mocks3.server")
public record ConnectionProperties(@DefaultValue("65s") Duration idleTimeout,
                                   @DefaultValue("20s") Duration headerReadTimeout,
                                   @DefaultValue("20s") Duration bodyReadTimeout,
                                   @DefaultValue("8192") int maxConnections,
                                   @DefaultValue("1s") Duration retryAfter,
                                   @DefaultValue("1m") Duration stackTraceInterval) {

    ConnectionSettings settings() {
        return new ConnectionSettings(idleTimeout, headerReadTimeout, bodyReadTimeout, maxConnections);
    }
}
