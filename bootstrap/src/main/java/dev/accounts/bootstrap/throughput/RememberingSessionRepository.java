package dev.accounts.bootstrap.throughput;

import dev.accounts.application.port.out.SessionRepository;
import dev.accounts.domain.session.Session;
import dev.accounts.domain.session.SessionId;
import dev.accounts.domain.token.TokenHash;
import dev.accounts.domain.user.UserId;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.time.Instant;

/**
 * Remembers sessions read by id for a moment ({@code memory}), since every authenticated request asks
 * whether its session is still active. Any change through this instance, won or lost, forgets the session
 * (see {@link RecentReads}); a sign-out through another instance is seen here within that moment. Lookups
 * by token are never remembered: a refresh must see the latest rotation.
 */
public final class RememberingSessionRepository implements SessionRepository {

    private final SessionRepository sessions;
    private final RecentReads<SessionId, Session> recent;

    public RememberingSessionRepository(SessionRepository sessions, Duration memory) {
        this.sessions = sessions;
        this.recent = new RecentReads<>(50_000, memory);
    }

    @Override
    public Mono<Boolean> insert(Session session) {
        return sessions.insert(session);
    }

    @Override
    public Mono<Session> findByToken(TokenHash token) {
        return sessions.findByToken(token);
    }

    @Override
    public Mono<Session> findById(SessionId id) {
        return recent.read(id, () -> sessions.findById(id));
    }

    /** Forgotten before and after: a lost race must read the winner's state, not this instance's memory. */
    @Override
    public Mono<Boolean> update(Session state) {
        return Mono.defer(() -> {
            recent.changed(state.id());
            return sessions.update(state).doOnNext(stored -> recent.changed(state.id()));
        });
    }

    @Override
    public Flux<Session> findActiveOf(UserId user, Instant now) {
        return sessions.findActiveOf(user, now);
    }

    /** Callers end the sessions first (through {@link #update}, which forgets them here), so nothing remembered outlives them. */
    @Override
    public Mono<Void> deleteAllOf(UserId user) {
        return sessions.deleteAllOf(user);
    }

    @Override
    public Mono<Long> purge(Instant before) {
        return sessions.purge(before);
    }
}
