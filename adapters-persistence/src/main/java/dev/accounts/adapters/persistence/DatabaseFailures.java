package dev.accounts.adapters.persistence;

import dev.accounts.application.port.out.TemporarilyUnavailableException;
import io.r2dbc.spi.R2dbcNonTransientResourceException;
import io.r2dbc.spi.R2dbcTimeoutException;
import io.r2dbc.spi.R2dbcTransientException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.TimeoutException;

/** Tells an unreachable or overloaded database, which clients may retry, from a bug, which they may not. */
public final class DatabaseFailures {

    static final Duration RETRY_AFTER = Duration.ofSeconds(5);

    private DatabaseFailures() {
    }

    public static boolean isUnavailability(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof DataAccessResourceFailureException
                    || cause instanceof TransientDataAccessException
                    || cause instanceof R2dbcNonTransientResourceException
                    || cause instanceof R2dbcTransientException
                    || cause instanceof R2dbcTimeoutException
                    || cause instanceof TimeoutException
                    || cause instanceof IOException) {
                return true;
            }
        }
        return false;
    }

    public static TemporarilyUnavailableException unavailable(Throwable error) {
        return new TemporarilyUnavailableException("the database is unavailable", RETRY_AFTER, error);
    }
}
