package dev.accounts.application.service;

import dev.accounts.application.port.in.GetCurrentUserUseCase;
import dev.accounts.application.port.in.UserProfile;
import dev.accounts.application.port.out.AccessTokens;
import dev.accounts.application.port.out.SessionRepository;
import dev.accounts.application.port.out.UserRepository;
import reactor.core.publisher.Mono;

import java.time.Clock;

/**
 * The user behind an access token. The signature alone would outlive a sign-out by the token's lifetime,
 * so the session is asked too, and it must be a session of the user the token names.
 */
public final class GetCurrentUserService implements GetCurrentUserUseCase {

    private final AccessTokens accessTokens;
    private final SessionRepository sessions;
    private final UserRepository users;
    private final Clock clock;

    public GetCurrentUserService(AccessTokens accessTokens, SessionRepository sessions, UserRepository users, Clock clock) {
        this.accessTokens = accessTokens;
        this.sessions = sessions;
        this.users = users;
        this.clock = clock;
    }

    @Override
    public Mono<UserProfile> currentUser(String accessToken) {
        if (accessToken == null || accessToken.isBlank()) {
            return Mono.empty();
        }
        return accessTokens.verify(accessToken)
                .filterWhen(claims -> sessions.findById(claims.session())
                        .map(session -> session.isActiveFor(claims.user(), clock.instant()))
                        .defaultIfEmpty(false))
                .flatMap(claims -> users.findById(claims.user()))
                .map(UserProfile::of);
    }
}
