package dev.accounts.application.service;

import dev.accounts.application.port.in.SignOutUseCase;
import dev.accounts.application.port.out.AccessTokens;
import dev.accounts.application.port.out.SessionRepository;
import dev.accounts.domain.session.SessionId;
import dev.accounts.domain.token.SecretToken;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.util.Optional;

/** Ends the session a refresh token or an access token names. */
public final class SignOutService implements SignOutUseCase {

    private final SessionRepository sessions;
    private final AccessTokens accessTokens;
    private final SessionEndings endings;
    private final Clock clock;

    public SignOutService(SessionRepository sessions, AccessTokens accessTokens, SessionEndings endings, Clock clock) {
        this.sessions = sessions;
        this.accessTokens = accessTokens;
        this.endings = endings;
        this.clock = clock;
    }

    @Override
    public Mono<Boolean> signOut(String refreshToken, SessionId expectedSession) {
        if (refreshToken == null || refreshToken.isBlank()) {
            return Mono.just(true);
        }
        return sessions.findByToken(SecretToken.presented(refreshToken).hash())
                .flatMap(session -> session.id().equals(expectedSession) ? endings.end(session).thenReturn(true) : Mono.just(false))
                .defaultIfEmpty(true);
    }

    @Override
    public Mono<AccessTokenSignOut> signOutAccessToken(String accessToken, Optional<SessionId> expectedSession) {
        if (accessToken == null || accessToken.isBlank()) {
            return Mono.just(AccessTokenSignOut.NOT_SIGNED_IN);
        }
        return accessTokens.verify(accessToken)
                .flatMap(claims -> sessions.findById(claims.session()).filter(session -> session.isActiveFor(claims.user(), clock.instant())))
                .flatMap(session -> expectedSession.isPresent() && !expectedSession.get().equals(session.id())
                        ? Mono.just(AccessTokenSignOut.SESSION_MISMATCH)
                        : endings.end(session).thenReturn(AccessTokenSignOut.SIGNED_OUT))
                .defaultIfEmpty(AccessTokenSignOut.NOT_SIGNED_IN);
    }
}
