package dev.accounts.application.port.in;

import dev.accounts.domain.session.SessionId;
import reactor.core.publisher.Mono;

import java.util.Optional;

/** Use case: a user signs out, ending the session of the refresh token presented. */
public interface SignOutUseCase {

    /**
     * Revokes the token's session if it is {@code expectedSession}; true when that check passed or
     * there was nothing to revoke (an unknown token), false when the CSRF token belongs to another session.
     */
    Mono<Boolean> signOut(String refreshToken, SessionId expectedSession);

    /**
     * Revokes the session named by a current access token: for programs that sign in with
     * {@code Authorization: Bearer} and hold no cookies, or for a client that sent the access cookie but no
     * refresh cookie, whose CSRF token must then name the same session.
     *
     * @param expectedSession the session of the request's CSRF token, when the token came in a cookie
     */
    Mono<AccessTokenSignOut> signOutAccessToken(String accessToken, Optional<SessionId> expectedSession);

    enum AccessTokenSignOut {
        SIGNED_OUT,
        /** The token is not a current one of this service, or its session has ended already. */
        NOT_SIGNED_IN,
        /** The CSRF token belongs to another session. */
        SESSION_MISMATCH
    }
}
