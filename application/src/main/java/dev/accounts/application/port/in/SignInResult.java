package dev.accounts.application.port.in;

import dev.accounts.domain.validation.Violation;

import java.time.Duration;
import java.util.List;

/** What became of a sign-in attempt. */
public sealed interface SignInResult {

    record SignedIn(UserProfile user, SessionTokens tokens) implements SignInResult {
    }

    /** The form lacks an email or a password, or the password cannot be encoded: nothing was tried. */
    record Rejected(List<Violation> violations) implements SignInResult {

        public Rejected {
            violations = List.copyOf(violations);
        }
    }

    /** Unknown email and wrong password alike: the caller must not learn which. */
    record InvalidCredentials() implements SignInResult {
    }

    /** The password is right but the address is not verified, and this service requires it: nothing was started. */
    record EmailUnverified() implements SignInResult {
    }

    /** Too many consecutive failures for this email; try again after {@code retryAfter}. */
    record Throttled(Duration retryAfter) implements SignInResult {
    }
}
