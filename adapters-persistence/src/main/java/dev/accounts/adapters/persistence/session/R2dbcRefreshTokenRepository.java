package dev.accounts.adapters.persistence.session;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.accounts.adapters.persistence.DatabaseFailures;
import dev.accounts.application.port.out.RefreshTokenRepository;
import dev.accounts.domain.session.SessionId;
import dev.accounts.domain.session.StoredRefreshToken;
import dev.accounts.domain.user.UserId;
import org.springframework.data.r2dbc.core.R2dbcEntityTemplate;
import org.springframework.data.relational.core.query.Update;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.time.Instant;

import static org.springframework.data.relational.core.query.Criteria.where;
import static org.springframework.data.relational.core.query.Query.query;

/**
 * Refresh tokens in PostgreSQL; rotation is a conditional UPDATE, so of two racing rotations one wins.
 * That a session is active is remembered for a moment ({@code activeSessionMemory}), since every
 * authenticated request asks; a revocation through this instance forgets it at once, one through
 * another instance is seen here within that moment.
 */
public final class R2dbcRefreshTokenRepository implements RefreshTokenRepository {

    private final R2dbcEntityTemplate template;
    private final TransactionalOperator transactions;
    private final RefreshTokenRowMapper mapper = new RefreshTokenRowMapperImpl();
    private final Cache<SessionId, ActiveSession> activeSessions;

    public R2dbcRefreshTokenRepository(R2dbcEntityTemplate template, TransactionalOperator transactions) {
        this(template, transactions, Duration.ZERO);
    }

    public R2dbcRefreshTokenRepository(R2dbcEntityTemplate template, TransactionalOperator transactions, Duration activeSessionMemory) {
        this.template = template;
        this.transactions = transactions;
        // Upkeep on the caller: handing it to the common pool would wake a thread on every refresh.
        this.activeSessions = Caffeine.newBuilder().executor(Runnable::run).maximumSize(activeSessionMemory.isZero() ? 0 : 50_000)
                .expireAfterWrite(activeSessionMemory).build();
    }

    @Override
    public Mono<Void> insert(StoredRefreshToken token) {
        return template.insert(mapper.toRow(token)).then()
                .onErrorMap(DatabaseFailures::isUnavailability, DatabaseFailures::unavailable);
    }

    @Override
    public Mono<StoredRefreshToken> findByHash(String tokenHash) {
        return template.selectOne(query(where("tokenHash").is(tokenHash)), RefreshTokenRow.class)
                .map(mapper::toDomain)
                .onErrorMap(DatabaseFailures::isUnavailability, DatabaseFailures::unavailable);
    }

    @Override
    public Mono<Boolean> rotate(StoredRefreshToken used, StoredRefreshToken replacement, Instant at) {
        Mono<Boolean> rotation = template.update(
                        query(where("id").is(used.id()).and("replacedAt").isNull().and("revokedAt").isNull()),
                        Update.update("replacedBy", replacement.id()).set("replacedAt", at),
                        RefreshTokenRow.class)
                .flatMap(updated -> updated == 1
                        ? template.insert(mapper.toRow(replacement)).thenReturn(true)
                        : Mono.just(false));
        return transactions.transactional(rotation)
                .onErrorMap(DatabaseFailures::isUnavailability, DatabaseFailures::unavailable);
    }

    @Override
    public Mono<Void> revokeSession(SessionId session, Instant at) {
        activeSessions.invalidate(session);
        return template.update(query(where("familyId").is(session.value()).and("revokedAt").isNull()),
                        Update.update("revokedAt", at), RefreshTokenRow.class)
                .then()
                .onErrorMap(DatabaseFailures::isUnavailability, DatabaseFailures::unavailable);
    }

    @Override
    public Mono<Boolean> isSessionActive(SessionId session, UserId user, Instant now) {
        ActiveSession known = activeSessions.getIfPresent(session);
        if (known != null && now.isBefore(known.expiresAt())) {
            return Mono.just(known.user().equals(user));
        }
        return template.selectOne(query(where("familyId").is(session.value()).and("revokedAt").isNull()
                        .and("expiresAt").greaterThan(now)).limit(1), RefreshTokenRow.class)
                .map(token -> {
                    ActiveSession active = new ActiveSession(new UserId(token.userId()), token.expiresAt());
                    activeSessions.put(session, active);
                    return active.user().equals(user);
                })
                .defaultIfEmpty(false)
                .onErrorMap(DatabaseFailures::isUnavailability, DatabaseFailures::unavailable);
    }

    private record ActiveSession(UserId user, Instant expiresAt) {
    }

    @Override
    public Mono<Long> purge(Instant before) {
        return template.delete(query(where("expiresAt").lessThan(before).or("revokedAt").lessThan(before)), RefreshTokenRow.class)
                .onErrorMap(DatabaseFailures::isUnavailability, DatabaseFailures::unavailable);
    }
}
