package dev.accounts.bootstrap.throughput;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.accounts.application.port.out.SessionRepository;
import dev.accounts.domain.session.Session;
import dev.accounts.domain.session.SessionId;
import dev.accounts.domain.token.TokenHash;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.time.Instant;

/**
 * Remembers sessions read by id for a moment ({@code memory}), since every authenticated request asks
 * whether its session is still active. Any change through this instance, won or lost, forgets the session
 * at once, so a lost race reads the winner's state; a sign-out through another instance is seen here
 * within that moment. Lookups by token are never remembered: a refresh must see the latest rotation.
 */
public final class RememberingSessionRepository implements SessionRepository {

    private final SessionRepository sessions;
    private final Cache<SessionId, Session> recent;

    public RememberingSessionRepository(SessionRepository sessions, Duration memory) {
        this.sessions = sessions;
        // Upkeep on the caller: handing it to the common pool would wake a thread on every request.
        this.recent = Caffeine.newBuilder().executor(Runnable::run).maximumSize(memory.isZero() ? 0 : 50_000)
                .expireAfterWrite(memory).build();
    }

    @Override
    public Mono<Void> insert(Session session) {
        return sessions.insert(session);
    }

    @Override
    public Mono<Session> findByToken(TokenHash token) {
        return sessions.findByToken(token);
    }

    @Override
    public Mono<Session> findById(SessionId id) {
        Session known = recent.getIfPresent(id);
        return known != null ? Mono.just(known) : sessions.findById(id).doOnNext(session -> recent.put(id, session));
    }

    @Override
    public Mono<Boolean> update(Session state) {
        recent.invalidate(state.id());
        return sessions.update(state).doFinally(signal -> recent.invalidate(state.id()));
    }

    @Override
    public Mono<Long> purge(Instant before) {
        return sessions.purge(before);
    }
}
