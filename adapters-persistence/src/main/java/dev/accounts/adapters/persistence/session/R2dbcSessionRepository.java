package dev.accounts.adapters.persistence.session;

import dev.accounts.application.port.out.SessionRepository;
import dev.accounts.domain.session.Session;
import dev.accounts.domain.session.SessionId;
import dev.accounts.domain.token.TokenHash;
import dev.accounts.domain.user.UserId;
import io.r2dbc.spi.Readable;
import io.r2dbc.postgresql.api.PostgresqlException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Sessions in PostgreSQL, one row per session and one per token it issued. Each write is one statement, so
 * a session and its token map never disagree, and an update applies only over the version it was decided on.
 */
public final class R2dbcSessionRepository implements SessionRepository {

    private static final String USER_KEY = "sessions_user_id_fkey";

    private static final String COLUMNS = "s.session_id, s.user_id, s.expires_at, s.current_token_hash, s.replaced_token_hashes, "
            + "s.replaced_at, s.revoked_at, s.version";

    private final DatabaseClient database;

    public R2dbcSessionRepository(DatabaseClient database) {
        this.database = database;
    }

    @Override
    public Mono<Boolean> insert(Session session) {
        return database.sql("""
                        WITH s AS (
                            INSERT INTO sessions (session_id, user_id, expires_at, current_token_hash, version)
                            SELECT :id, :user, :expiresAt, :current, :version WHERE EXISTS (SELECT 1 FROM users WHERE user_id = :user)
                            RETURNING session_id, current_token_hash)
                        INSERT INTO session_tokens (token_hash, session_id) SELECT current_token_hash, session_id FROM s""")
                .bind("id", session.id().value())
                .bind("user", session.user().value())
                .bind("expiresAt", session.expiresAt())
                .bind("current", session.current().hex())
                .bind("version", session.version())
                .fetch()
                .rowsUpdated()
                // A deletion that commits between the check and the insert is caught by the foreign key instead.
                .onErrorResume(R2dbcSessionRepository::isUserGone, gone -> Mono.just(0L))
                .map(inserted -> inserted == 1);
    }

    private static boolean isUserGone(Throwable error) {
        return error instanceof DataIntegrityViolationException
                && error.getCause() instanceof PostgresqlException postgres
                && postgres.getErrorDetails().getConstraintName().map(USER_KEY::equals).orElse(false);
    }

    @Override
    public Mono<Session> findByToken(TokenHash token) {
        return database.sql("SELECT " + COLUMNS + " FROM session_tokens t JOIN sessions s ON s.session_id = t.session_id WHERE t.token_hash = :hash")
                .bind("hash", token.hex())
                .map(R2dbcSessionRepository::toSession)
                .one();
    }

    @Override
    public Mono<Session> findById(SessionId id) {
        return database.sql("SELECT " + COLUMNS + " FROM sessions s WHERE s.session_id = :id")
                .bind("id", id.value())
                .map(R2dbcSessionRepository::toSession)
                .one();
    }

    @Override
    public Mono<Boolean> update(Session state) {
        List<String> replacedHashes = state.recentlyReplaced().stream().map(replaced -> replaced.token().hex()).toList();
        List<Instant> replacedAt = state.recentlyReplaced().stream().map(Session.Replaced::at).toList();
        DatabaseClient.GenericExecuteSpec update = database.sql("""
                        WITH s AS (
                            UPDATE sessions
                            SET current_token_hash = :current, replaced_token_hashes = :replacedHashes, replaced_at = :replacedAt,
                                revoked_at = :revokedAt, version = version + 1
                            WHERE session_id = :id AND version = :version
                            RETURNING session_id, current_token_hash),
                        t AS (
                            INSERT INTO session_tokens (token_hash, session_id) SELECT current_token_hash, session_id FROM s
                            ON CONFLICT (token_hash) DO NOTHING)
                        SELECT count(*) AS updated FROM s""")
                .bind("id", state.id().value())
                .bind("version", state.version())
                .bind("current", state.current().hex())
                .bind("replacedHashes", replacedHashes.toArray(String[]::new))
                .bind("replacedAt", replacedAt.toArray(Instant[]::new));
        update = state.revokedAt().isPresent() ? update.bind("revokedAt", state.revokedAt().get()) : update.bindNull("revokedAt", Instant.class);
        return update.map(row -> row.get("updated", Long.class) == 1).one();
    }

    /** Ended as {@link Session#isActiveFor} reads it: revoked, or expired at {@code now} or before. */
    @Override
    public Flux<Session> findActiveOf(UserId user, Instant now) {
        return database.sql("SELECT " + COLUMNS + " FROM sessions s WHERE s.user_id = :user AND s.revoked_at IS NULL AND s.expires_at > :now")
                .bind("user", user.value())
                .bind("now", now)
                .map(R2dbcSessionRepository::toSession)
                .all();
    }

    /** The tokens go with their sessions, by their foreign key. */
    @Override
    public Mono<Void> deleteAllOf(UserId user) {
        return database.sql("DELETE FROM sessions WHERE user_id = :user").bind("user", user.value()).then();
    }

    @Override
    public Mono<Long> purge(Instant before) {
        return database.sql("DELETE FROM sessions WHERE expires_at < :before OR revoked_at < :before")
                .bind("before", before)
                .fetch().rowsUpdated();
    }

    private static Session toSession(Readable row) {
        String[] hashes = row.get("replaced_token_hashes", String[].class);
        Instant[] at = row.get("replaced_at", Instant[].class);
        List<Session.Replaced> replaced = new ArrayList<>(hashes.length);
        for (int i = 0; i < hashes.length; i++) {
            replaced.add(new Session.Replaced(new TokenHash(hashes[i]), at[i]));
        }
        return new Session(new SessionId(row.get("session_id", UUID.class)), new UserId(row.get("user_id", UUID.class)),
                row.get("expires_at", Instant.class), new TokenHash(row.get("current_token_hash", String.class)), replaced,
                Optional.ofNullable(row.get("revoked_at", Instant.class)), row.get("version", Long.class));
    }
}
