package dev.accounts.application.testing;

import dev.accounts.application.port.out.SessionRepository;
import dev.accounts.domain.session.Session;
import dev.accounts.domain.session.SessionId;
import dev.accounts.domain.token.TokenHash;
import dev.accounts.domain.user.UserId;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Sessions and their tokens' hashes in maps; a version-checked update is atomic under the map's lock, as a conditional UPDATE is. */
public final class InMemorySessionRepository implements SessionRepository {

    private final Map<SessionId, Session> sessions = new ConcurrentHashMap<>();
    private final Map<TokenHash, SessionId> tokens = new ConcurrentHashMap<>();

    /** Knows no users, so never finds one gone: the database's foreign key is what decides that. */
    @Override
    public Mono<Boolean> insert(Session session) {
        return Mono.fromSupplier(() -> {
            sessions.put(session.id(), session);
            tokens.put(session.current(), session.id());
            return true;
        });
    }

    @Override
    public Mono<Session> findByToken(TokenHash token) {
        return Mono.fromSupplier(() -> tokens.containsKey(token) ? sessions.get(tokens.get(token)) : null);
    }

    @Override
    public Mono<Session> findById(SessionId id) {
        return Mono.fromSupplier(() -> sessions.get(id));
    }

    @Override
    public Mono<Boolean> update(Session state) {
        return Mono.fromSupplier(() -> {
            synchronized (sessions) {
                Session stored = sessions.get(state.id());
                if (stored == null || stored.version() != state.version()) {
                    return false;
                }
                sessions.put(state.id(), new Session(state.id(), state.user(), state.expiresAt(), state.current(),
                        state.recentlyReplaced(), state.revokedAt(), state.version() + 1));
                tokens.putIfAbsent(state.current(), state.id());
                return true;
            }
        });
    }

    @Override
    public Flux<Session> findActiveOf(UserId user, Instant now) {
        return Flux.defer(() -> Flux.fromStream(sessions.values().stream().filter(session -> session.isActiveFor(user, now))));
    }

    @Override
    public Mono<Void> deleteAllOf(UserId user) {
        return Mono.fromRunnable(() -> {
            synchronized (sessions) {
                sessions.values().removeIf(session -> session.user().equals(user));
                tokens.values().removeIf(id -> !sessions.containsKey(id));
            }
        });
    }

    @Override
    public Mono<Long> purge(Instant before) {
        return Mono.fromSupplier(() -> {
            synchronized (sessions) {
                long size = sessions.size();
                sessions.values().removeIf(session -> session.expiresAt().isBefore(before)
                        || session.revokedAt().map(revoked -> revoked.isBefore(before)).orElse(false));
                tokens.values().removeIf(id -> !sessions.containsKey(id));
                return size - sessions.size();
            }
        });
    }

    /** Tokens of the session that could still be rotated: exactly its current one while it lives. */
    public long liveTokens(SessionId id) {
        Session session = sessions.get(id);
        return session == null || session.revokedAt().isPresent() ? 0 : 1;
    }
}
