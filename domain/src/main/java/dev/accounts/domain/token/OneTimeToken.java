package dev.accounts.domain.token;

import dev.accounts.domain.user.UserId;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A single-use token mailed to an account's owner, stored by its hash: a user has at most one per
 * purpose, so a newer one supersedes the one before.
 */
public record OneTimeToken(TokenHash hash, UserId user, Purpose purpose, Instant expiresAt) {

    public OneTimeToken {
        Objects.requireNonNull(hash, "hash");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(purpose, "purpose");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }

    public enum Purpose {
        /** Long enough to find the message the next day. */
        VERIFY_EMAIL(Duration.ofHours(24)),
        /** Short, as OWASP's forgot-password guidance asks: the link opens the account. */
        RESET_PASSWORD(Duration.ofMinutes(30));

        private final Duration lifetime;

        Purpose(Duration lifetime) {
            this.lifetime = lifetime;
        }

        public Duration lifetime() {
            return lifetime;
        }
    }

    /** A new token for {@code user}: the secret goes into the message, only its hash is kept. */
    public static Issued issue(UserId user, Purpose purpose, Instant now) {
        SecretToken secret = SecretToken.random();
        return new Issued(secret, new OneTimeToken(secret.hash(), user, purpose, now.plus(purpose.lifetime())));
    }

    public boolean isUsableFor(Purpose wanted, Instant now) {
        return purpose == wanted && now.isBefore(expiresAt);
    }

    public record Issued(SecretToken secret, OneTimeToken token) {
    }
}
