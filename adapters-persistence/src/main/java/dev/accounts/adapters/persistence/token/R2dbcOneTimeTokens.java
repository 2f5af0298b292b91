package dev.accounts.adapters.persistence.token;

import dev.accounts.application.port.out.OneTimeTokens;
import dev.accounts.domain.token.OneTimeToken;
import dev.accounts.domain.token.TokenHash;
import dev.accounts.domain.user.UserId;
import io.r2dbc.spi.Readable;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;

import java.time.Instant;
import java.util.UUID;

/** One-time tokens in PostgreSQL, keyed by user and purpose, so that storing a newer one is one statement. */
public final class R2dbcOneTimeTokens implements OneTimeTokens {

    private static final String COLUMNS = "user_id, purpose, token_hash, expires_at";

    private final DatabaseClient database;

    public R2dbcOneTimeTokens(DatabaseClient database) {
        this.database = database;
    }

    @Override
    public Mono<Void> replace(OneTimeToken token) {
        return database.sql("""
                        INSERT INTO one_time_tokens (user_id, purpose, token_hash, expires_at) VALUES (:user, :purpose, :hash, :expiresAt)
                        ON CONFLICT (user_id, purpose) DO UPDATE SET token_hash = EXCLUDED.token_hash, expires_at = EXCLUDED.expires_at""")
                .bind("user", token.user().value())
                .bind("purpose", token.purpose().name())
                .bind("hash", token.hash().hex())
                .bind("expiresAt", token.expiresAt())
                .then();
    }

    @Override
    public Mono<OneTimeToken> find(TokenHash hash) {
        return database.sql("SELECT " + COLUMNS + " FROM one_time_tokens WHERE token_hash = :hash")
                .bind("hash", hash.hex())
                .map(R2dbcOneTimeTokens::toToken)
                .one();
    }

    /** Of concurrent deletes of one row, PostgreSQL lets one delete it; the others find it gone and return nothing. */
    @Override
    public Mono<OneTimeToken> take(TokenHash hash) {
        return database.sql("DELETE FROM one_time_tokens WHERE token_hash = :hash RETURNING " + COLUMNS)
                .bind("hash", hash.hex())
                .map(R2dbcOneTimeTokens::toToken)
                .one();
    }

    @Override
    public Mono<Void> deleteAllOf(UserId user) {
        return database.sql("DELETE FROM one_time_tokens WHERE user_id = :user").bind("user", user.value()).then();
    }

    @Override
    public Mono<Void> revoke(UserId user, OneTimeToken.Purpose purpose) {
        return database.sql("DELETE FROM one_time_tokens WHERE user_id = :user AND purpose = :purpose")
                .bind("user", user.value())
                .bind("purpose", purpose.name())
                .then();
    }

    private static OneTimeToken toToken(Readable row) {
        return new OneTimeToken(new TokenHash(row.get("token_hash", String.class)), new UserId(row.get("user_id", UUID.class)),
                OneTimeToken.Purpose.valueOf(row.get("purpose", String.class)), row.get("expires_at", Instant.class));
    }
}
