package dev.accounts.application.port.in;

import dev.accounts.domain.session.SessionId;
import reactor.core.publisher.Mono;

/** Use case: a user signs out, ending the session of the refresh token presented. */
public interface SignOutUseCase {

    /**
     * Revokes the token's session if it is {@code expectedSession}; true when that check passed or
     * there was nothing to revoke (an unknown token), false when the CSRF token belongs to another session.
     */
    Mono<Boolean> signOut(String refreshToken, SessionId expectedSession);

    /**
     * Revokes the session named by a current access token, for programs that sign in with
     * {@code Authorization: Bearer} and hold no cookies; false when the token is not a current one of this service.
     */
    Mono<Boolean> signOutAccessToken(String accessToken);
}
