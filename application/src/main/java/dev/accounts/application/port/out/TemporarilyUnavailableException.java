package dev.accounts.application.port.out;

import java.time.Duration;
import java.util.Objects;

/**
 * A resource the use case needs (the database, the hashing capacity) cannot serve now but is
 * expected to soon; the caller may retry after {@link #retryAfter()}.
 */
public class TemporarilyUnavailableException extends RuntimeException {

    private final transient Duration retryAfter;

    public TemporarilyUnavailableException(String message, Duration retryAfter, Throwable cause) {
        super(message, cause);
        this.retryAfter = Objects.requireNonNull(retryAfter, "retryAfter");
    }

    /**
     * Without a stack trace: refusing work at capacity is routine under load, and it is the one moment
     * the service cannot afford to walk the stack of every refused request.
     */
    public TemporarilyUnavailableException(String message, Duration retryAfter) {
        super(message, null, false, false);
        this.retryAfter = Objects.requireNonNull(retryAfter, "retryAfter");
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
