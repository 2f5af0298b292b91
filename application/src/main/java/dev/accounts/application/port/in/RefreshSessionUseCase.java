package dev.accounts.application.port.in;

import dev.accounts.domain.session.SessionId;
import reactor.core.publisher.Mono;

/** Use case: a client trades its refresh token for a new access token and a new refresh token. */
public interface RefreshSessionUseCase {

    /** @param expectedSession the session the client's CSRF token was issued for */
    Mono<RefreshResult> refresh(String refreshToken, SessionId expectedSession);

    sealed interface RefreshResult {

        /** @param graceReplay the token had just been rotated, and the replay was forgiven with the same successor */
        record Refreshed(SessionTokens tokens, boolean graceReplay) implements RefreshResult {
        }

        record Refused(Reason reason) implements RefreshResult {
        }
    }

    enum Reason {
        /** No such token, or none presented. */
        UNKNOWN,
        /** The session outlived its absolute lifetime. */
        EXPIRED,
        /** The session was signed out or revoked after a reuse. */
        REVOKED,
        /** The token had been rotated already: the whole session is now revoked. */
        REUSED,
        /** The CSRF token belongs to another session. */
        SESSION_MISMATCH
    }
}
