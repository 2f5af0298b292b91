package dev.accounts.application.service;

import dev.accounts.application.port.in.AccountChangeResult;
import dev.accounts.application.port.in.AccountChangeResult.NotSignedIn;
import dev.accounts.application.port.in.AccountChangeResult.SessionMismatch;
import dev.accounts.application.port.in.AccountCommand;
import dev.accounts.application.port.out.AccessTokens;
import dev.accounts.application.port.out.SessionRepository;
import dev.accounts.application.port.out.UserRepository;
import dev.accounts.domain.session.Session;
import dev.accounts.domain.user.User;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.util.function.BiFunction;

/**
 * Who is behind an account command: a current access token of an active session of an existing user and,
 * when the token came in a cookie, a CSRF token naming that same session.
 */
public final class SignedInUsers {

    private final AccessTokens accessTokens;
    private final SessionRepository sessions;
    private final UserRepository users;
    private final Clock clock;

    public SignedInUsers(AccessTokens accessTokens, SessionRepository sessions, UserRepository users, Clock clock) {
        this.accessTokens = accessTokens;
        this.sessions = sessions;
        this.users = users;
        this.clock = clock;
    }

    /** Runs {@code action} for the signed-in user and their session, or answers why there is none. */
    Mono<AccountChangeResult> act(AccountCommand command, BiFunction<User, Session, Mono<AccountChangeResult>> action) {
        if (command.accessToken() == null || command.accessToken().isBlank()) {
            return Mono.just(new NotSignedIn());
        }
        return accessTokens.verify(command.accessToken())
                .flatMap(claims -> sessions.findById(claims.session())
                        .filter(session -> session.isActiveFor(claims.user(), clock.instant())))
                .flatMap(session -> {
                    if (command.csrfSession().isPresent() && !command.csrfSession().get().equals(session.id())) {
                        return Mono.just(new SessionMismatch());
                    }
                    return users.findById(session.user()).flatMap(user -> action.apply(user, session));
                })
                .defaultIfEmpty(new NotSignedIn());
    }
}
