package dev.accounts.adapters.security.password;

import dev.accounts.application.port.out.TemporarilyUnavailableException;

import java.time.Duration;

/** Password work refused because the service is at capacity (load shed), as opposed to a dependency being down. */
public final class PasswordWorkAtCapacityException extends TemporarilyUnavailableException {

    PasswordWorkAtCapacityException(String message, Duration retryAfter) {
        super(message, retryAfter);
    }

    PasswordWorkAtCapacityException(String message, Duration retryAfter, Throwable cause) {
        super(message, retryAfter, cause);
    }
}
