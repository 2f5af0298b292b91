package dev.accounts.domain.session;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * How long sessions last and how long a rotated refresh token is forgiven.
 *
 * @param sessionLifetime how long a session lasts from sign-in, however often it is refreshed
 * @param grace           how long after its rotation a refresh token may still be presented: a client racing
 *                        itself (two tabs refreshing at once), not a thief
 */
public record RefreshPolicy(Duration sessionLifetime, Duration grace) {

    public RefreshPolicy {
        Objects.requireNonNull(sessionLifetime, "sessionLifetime");
        Objects.requireNonNull(grace, "grace");
        if (sessionLifetime.isNegative() || sessionLifetime.isZero() || grace.isNegative()) {
            throw new IllegalArgumentException("the session lifetime must be positive and the grace interval not negative");
        }
    }

    Instant sessionExpiry(Instant signedInAt) {
        return signedInAt.plus(sessionLifetime);
    }

    boolean withinGrace(Instant replacedAt, Instant now) {
        return now.isBefore(replacedAt.plus(grace));
    }
}
