package dev.accounts.application.service;

import dev.accounts.application.port.in.SessionTokens;
import dev.accounts.application.port.out.AccessTokens;
import dev.accounts.application.port.out.SessionRepository;
import dev.accounts.domain.session.RefreshPolicy;
import dev.accounts.domain.session.Session;
import dev.accounts.domain.token.SecretToken;
import dev.accounts.domain.user.UserId;
import reactor.core.publisher.Mono;

import java.time.Clock;

/** Starts sessions at sign-in and hands out a session's tokens, which refreshing does too. */
public final class SessionIssuer {

    private final SessionRepository sessions;
    private final AccessTokens accessTokens;
    private final RefreshPolicy policy;
    private final Clock clock;

    public SessionIssuer(SessionRepository sessions, AccessTokens accessTokens, RefreshPolicy policy, Clock clock) {
        this.sessions = sessions;
        this.accessTokens = accessTokens;
        this.policy = policy;
        this.clock = clock;
    }

    /** Empty when the user was deleted after it was read: there is no one to start a session for. */
    Mono<SessionTokens> start(UserId user) {
        return Mono.defer(() -> {
            SecretToken refresh = SecretToken.random();
            Session session = Session.start(user, refresh.hash(), clock.instant(), policy);
            return sessions.insert(session).filter(Boolean::booleanValue).map(inserted -> tokens(session, refresh));
        });
    }

    SessionTokens tokens(Session session, SecretToken refresh) {
        return new SessionTokens(accessTokens.issue(session.user(), session.id()), refresh, session.id(), session.expiresAt());
    }
}
