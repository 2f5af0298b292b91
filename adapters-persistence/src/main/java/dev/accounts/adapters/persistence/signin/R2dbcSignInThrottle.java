package dev.accounts.adapters.persistence.signin;

import dev.accounts.application.port.out.SignInThrottle;
import dev.accounts.domain.signin.FailureRecord;
import io.r2dbc.spi.Readable;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;

import java.time.Instant;

/** Failure counts in PostgreSQL, so throttling holds across restarts and instances. */
public final class R2dbcSignInThrottle implements SignInThrottle {

    private final DatabaseClient database;

    public R2dbcSignInThrottle(DatabaseClient database) {
        this.database = database;
    }

    @Override
    public Mono<FailureRecord> failures(String key) {
        return database.sql("SELECT failures, last_failure_at FROM sign_in_failures WHERE email_key = :key")
                .bind("key", key)
                .map(R2dbcSignInThrottle::toRecord)
                .one();
    }

    /** One statement, so concurrent failures from many addresses are all counted. */
    @Override
    public Mono<FailureRecord> recordFailure(String key, Instant at) {
        return database.sql("""
                        INSERT INTO sign_in_failures (email_key, failures, last_failure_at) VALUES (:key, 1, :at)
                        ON CONFLICT (email_key) DO UPDATE
                        SET failures = sign_in_failures.failures + 1,
                            last_failure_at = GREATEST(sign_in_failures.last_failure_at, EXCLUDED.last_failure_at)
                        RETURNING failures, last_failure_at""")
                .bind("key", key)
                .bind("at", at)
                .map(R2dbcSignInThrottle::toRecord)
                .one();
    }

    @Override
    public Mono<Void> reset(String key) {
        return database.sql("DELETE FROM sign_in_failures WHERE email_key = :key").bind("key", key).then();
    }

    @Override
    public Mono<Long> forgetFailuresBefore(Instant before) {
        return database.sql("DELETE FROM sign_in_failures WHERE last_failure_at < :before").bind("before", before)
                .fetch().rowsUpdated();
    }

    private static FailureRecord toRecord(Readable row) {
        return new FailureRecord(row.get("failures", Integer.class), row.get("last_failure_at", Instant.class));
    }
}
