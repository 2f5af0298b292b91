package dev.accounts.application.service;

import dev.accounts.application.port.out.SessionRepository;
import dev.accounts.domain.session.Session;
import dev.accounts.domain.session.SessionId;
import dev.accounts.domain.user.UserId;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.util.Optional;

/** Ends sessions, one or all of a user's, each by its own decision ({@link Session#revoke}). */
public final class SessionEndings {

    private final SessionRepository sessions;
    private final Clock clock;

    public SessionEndings(SessionRepository sessions, Clock clock) {
        this.sessions = sessions;
        this.clock = clock;
    }

    /** Ends every active session of the user but {@code keep}. */
    Mono<Void> endAllOf(UserId user, Optional<SessionId> keep) {
        return Flux.defer(() -> sessions.findActiveOf(user, clock.instant()))
                .filter(session -> keep.map(kept -> !kept.equals(session.id())).orElse(true))
                .concatMap(this::end)
                .then();
    }

    /** Ending is idempotent: an ended session stays as it is, and a change that came first only means reading it again. */
    Mono<Void> end(Session session) {
        if (session.revokedAt().isPresent()) {
            return Mono.empty();
        }
        return sessions.update(session.revoke(clock.instant()))
                .flatMap(won -> won ? Mono.<Void>empty() : sessions.findById(session.id()).flatMap(this::end));
    }
}
