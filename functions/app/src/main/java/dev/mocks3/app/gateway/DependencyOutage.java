package dev.mocks3.app.gateway;

import java.net.ConnectException;

import org.springframework.dao.DataAccessResourceFailureException;

import io.r2dbc.spi.R2dbcException;
import io.r2dbc.spi.R2dbcNonTransientResourceException;
import io.r2dbc.spi.R2dbcTimeoutException;
import io.r2dbc.spi.R2dbcTransientResourceException;

/**
 * Tells a failure caused by a dependency that is down or unreachable (PostgreSQL stopped, a refused
 * connection, no pooled connection to be had) from a bug: the first is a 503 the client may retry.
 */
final class DependencyOutage {
    private DependencyOutage() {
    }

    static boolean causedBy(Throwable error) {
        return Causes.any(error, DependencyOutage::isOutage);
    }

    private static boolean isOutage(Throwable cause) {
        if (cause instanceof DataAccessResourceFailureException || cause instanceof R2dbcNonTransientResourceException
                || cause instanceof R2dbcTransientResourceException || cause instanceof R2dbcTimeoutException
                || cause instanceof ConnectException) {
            return true;
        }
        // SQLSTATE 08: connection exception; 57P: the server is shutting down or restarting
        String state = cause instanceof R2dbcException r2dbc ? r2dbc.getSqlState() : null;
        return state != null && (state.startsWith("08") || state.startsWith("57P"));
    }
}
