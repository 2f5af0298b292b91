package dev.accounts.domain.signin;

import java.time.Instant;
import java.util.Objects;

/** The consecutive failed sign-ins for one email key, and when the last one happened. */
public record FailureRecord(int consecutiveFailures, Instant lastFailureAt) {

    public FailureRecord {
        Objects.requireNonNull(lastFailureAt, "lastFailureAt");
        if (consecutiveFailures < 0) {
            throw new IllegalArgumentException("failures cannot be negative");
        }
    }
}
