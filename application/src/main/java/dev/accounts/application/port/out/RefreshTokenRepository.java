package dev.accounts.application.port.out;

import dev.accounts.domain.session.SessionId;
import dev.accounts.domain.session.StoredRefreshToken;
import dev.accounts.domain.user.UserId;
import reactor.core.publisher.Mono;

import java.time.Instant;

/** Refresh tokens by the hash of their value; only hashes are ever stored. */
public interface RefreshTokenRepository {

    Mono<Void> insert(StoredRefreshToken token);

    Mono<StoredRefreshToken> findByHash(String tokenHash);

    /**
     * Marks {@code used} as replaced by {@code replacement} and stores the replacement, atomically, if
     * and only if {@code used} is still unused and not revoked. False when a concurrent rotation won.
     */
    Mono<Boolean> rotate(StoredRefreshToken used, StoredRefreshToken replacement, Instant at);

    /** Revokes every token of the session; idempotent. */
    Mono<Void> revokeSession(SessionId session, Instant at);

    /** Whether the session is {@code user}'s and has been neither revoked nor outlived. */
    Mono<Boolean> isSessionActive(SessionId session, UserId user, Instant now);

    /** Deletes tokens whose session expired or was revoked before {@code before}; the number deleted. */
    Mono<Long> purge(Instant before);
}
