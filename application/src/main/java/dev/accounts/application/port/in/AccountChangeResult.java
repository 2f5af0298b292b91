package dev.accounts.application.port.in;

import dev.accounts.domain.validation.Violation;

import java.time.Duration;
import java.util.List;

/** What became of a signed-in user's change to their own account. */
public sealed interface AccountChangeResult {

    record Done() implements AccountChangeResult {
    }

    /** The new password breaks a rule; nothing changed. */
    record Rejected(List<Violation> violations) implements AccountChangeResult {

        public Rejected {
            violations = List.copyOf(violations);
        }
    }

    /** The password re-entered to confirm the change is not the account's. */
    record WrongPassword(String field) implements AccountChangeResult {
    }

    /** Too many wrong passwords for this account, here or at sign-in. */
    record Throttled(Duration retryAfter) implements AccountChangeResult {
    }

    /** No current access token, or its session has ended. */
    record NotSignedIn() implements AccountChangeResult {
    }

    /** The CSRF token names another session than the access token's. */
    record SessionMismatch() implements AccountChangeResult {
    }
}
