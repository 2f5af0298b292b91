package dev.accounts.domain.session;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * What presenting a refresh token means. Each token is good for one rotation; a second use is the
 * mark of a stolen copy, and ends the whole session, except within a short grace interval that
 * forgives a client racing itself (two tabs refreshing at once).
 *
 * @param sessionLifetime how long a session lasts from sign-in, however often it is refreshed
 * @param grace           how long after a rotation the rotated token may still be presented
 */
public record RefreshPolicy(Duration sessionLifetime, Duration grace) {

    public RefreshPolicy {
        Objects.requireNonNull(sessionLifetime, "sessionLifetime");
        Objects.requireNonNull(grace, "grace");
        if (sessionLifetime.isNegative() || sessionLifetime.isZero() || grace.isNegative()) {
            throw new IllegalArgumentException("the session lifetime must be positive and the grace interval not negative");
        }
    }

    public enum Decision {
        /** Unused and current: issue a new token in its place. */
        ROTATE,
        /** Rotated a moment ago: issue another pair, revoke nothing. */
        REPLAY_WITHIN_GRACE,
        /** Rotated before the grace interval: someone holds a copy, so the session ends. */
        REUSE,
        /** The session has been revoked (logout, earlier reuse). */
        REVOKED,
        /** The session is older than its lifetime. */
        EXPIRED
    }

    public Instant sessionExpiry(Instant signedInAt) {
        return signedInAt.plus(sessionLifetime);
    }

    public Decision decide(StoredRefreshToken token, Instant now) {
        if (token.revokedAt() != null) {
            return Decision.REVOKED;
        }
        if (!now.isBefore(token.expiresAt())) {
            return Decision.EXPIRED;
        }
        if (token.replacedAt() == null) {
            return Decision.ROTATE;
        }
        return now.isBefore(token.replacedAt().plus(grace)) ? Decision.REPLAY_WITHIN_GRACE : Decision.REUSE;
    }
}
