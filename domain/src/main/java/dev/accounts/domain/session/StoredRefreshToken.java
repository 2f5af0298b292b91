package dev.accounts.domain.session;

import dev.accounts.domain.user.UserId;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A refresh token as stored: its hash, its session, and what became of it.
 *
 * @param expiresAt  when the whole session ends, fixed at sign-in; rotation never moves it
 * @param replacedBy the token that rotation issued in its place, once it has been used
 */
public record StoredRefreshToken(UUID id, UserId userId, SessionId session, String tokenHash, Instant issuedAt,
                                 Instant expiresAt, UUID replacedBy, Instant replacedAt, Instant revokedAt) {

    public StoredRefreshToken {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(session, "session");
        Objects.requireNonNull(tokenHash, "tokenHash");
        Objects.requireNonNull(issuedAt, "issuedAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }

    /** A fresh, unused token in {@code session}. */
    public static StoredRefreshToken issue(RefreshToken token, UserId userId, SessionId session, Instant now, Instant sessionExpiresAt) {
        return new StoredRefreshToken(UUID.randomUUID(), userId, session, token.hash(), now, sessionExpiresAt, null, null, null);
    }
}
