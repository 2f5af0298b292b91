package dev.accounts.application.testing;

import dev.accounts.application.port.out.RefreshTokenRepository;
import dev.accounts.domain.session.SessionId;
import dev.accounts.domain.session.StoredRefreshToken;
import dev.accounts.domain.user.UserId;
import reactor.core.publisher.Mono;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Refresh tokens in a map by hash; rotation is atomic under the map's lock, as a conditional UPDATE is. */
public final class InMemoryRefreshTokenRepository implements RefreshTokenRepository {

    private final Map<String, StoredRefreshToken> tokensByHash = new ConcurrentHashMap<>();

    @Override
    public Mono<Void> insert(StoredRefreshToken token) {
        return Mono.fromRunnable(() -> tokensByHash.put(token.tokenHash(), token));
    }

    @Override
    public Mono<StoredRefreshToken> findByHash(String tokenHash) {
        return Mono.fromSupplier(() -> tokensByHash.get(tokenHash));
    }

    @Override
    public Mono<Boolean> rotate(StoredRefreshToken used, StoredRefreshToken replacement, Instant at) {
        return Mono.fromSupplier(() -> {
            synchronized (tokensByHash) {
                StoredRefreshToken current = tokensByHash.get(used.tokenHash());
                if (current == null || current.replacedAt() != null || current.revokedAt() != null) {
                    return false;
                }
                tokensByHash.put(used.tokenHash(), new StoredRefreshToken(current.id(), current.userId(), current.session(),
                        current.tokenHash(), current.issuedAt(), current.expiresAt(), replacement.id(), at, null));
                tokensByHash.put(replacement.tokenHash(), replacement);
                return true;
            }
        });
    }

    @Override
    public Mono<Void> revokeSession(SessionId session, Instant at) {
        return Mono.fromRunnable(() -> {
            synchronized (tokensByHash) {
                tokensByHash.replaceAll((hash, token) -> token.session().equals(session) && token.revokedAt() == null
                        ? new StoredRefreshToken(token.id(), token.userId(), token.session(), token.tokenHash(), token.issuedAt(),
                        token.expiresAt(), token.replacedBy(), token.replacedAt(), at)
                        : token);
            }
        });
    }

    @Override
    public Mono<Boolean> isSessionActive(SessionId session, UserId user, Instant now) {
        return Mono.fromSupplier(() -> tokensByHash.values().stream().anyMatch(token -> token.session().equals(session)
                && token.userId().equals(user) && token.revokedAt() == null && now.isBefore(token.expiresAt())));
    }

    /** Tokens of the session that could still be refreshed: neither rotated nor revoked. */
    public long liveTokens(SessionId session) {
        return tokensByHash.values().stream()
                .filter(token -> token.session().equals(session) && token.replacedAt() == null && token.revokedAt() == null)
                .count();
    }

    @Override
    public Mono<Long> purge(Instant before) {
        return Mono.fromSupplier(() -> {
            synchronized (tokensByHash) {
                long size = tokensByHash.size();
                tokensByHash.values().removeIf(token -> token.expiresAt().isBefore(before)
                        || token.revokedAt() != null && token.revokedAt().isBefore(before));
                return size - tokensByHash.size();
            }
        });
    }
}
