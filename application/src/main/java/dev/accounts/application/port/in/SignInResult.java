package dev.accounts.application.port.in;

import java.time.Duration;

/** What became of a sign-in attempt. */
public sealed interface SignInResult {

    record SignedIn(UserProfile user, SessionTokens tokens) implements SignInResult {
    }

    /** Unknown email and wrong password alike: the caller must not learn which. */
    record InvalidCredentials() implements SignInResult {
    }

    /** Too many consecutive failures for this email; try again after {@code retryAfter}. */
    record Throttled(Duration retryAfter) implements SignInResult {
    }
}
