package dev.accounts.application.port.out;

import dev.accounts.domain.session.Session;
import dev.accounts.domain.session.SessionId;
import dev.accounts.domain.token.TokenHash;
import dev.accounts.domain.user.UserId;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Instant;

/**
 * Where sessions are kept, each with the hashes of every refresh token it ever issued (never the tokens).
 * It stores the states {@link Session} decides on, and decides nothing itself.
 */
public interface SessionRepository {

    /** Stores a new session and its first token: false when its user no longer exists (deleted meanwhile). */
    Mono<Boolean> insert(Session session);

    /** The session that issued the token with this hash, rotated or not; empty when none did. */
    Mono<Session> findByToken(TokenHash token);

    Mono<Session> findById(SessionId id);

    /**
     * Stores {@code state}, and its current token's hash with it, if the stored session is still at
     * {@code state.version()}: false when another change came first, which the caller reads and decides on again.
     */
    Mono<Boolean> update(Session state);

    /** The user's sessions that have not ended at {@code now}. */
    Flux<Session> findActiveOf(UserId user, Instant now);

    /** Removes every session of the user, and their tokens. */
    Mono<Void> deleteAllOf(UserId user);

    /** Deletes the sessions, and their tokens, that ended (expired or were revoked) before {@code before}. */
    Mono<Long> purge(Instant before);
}
