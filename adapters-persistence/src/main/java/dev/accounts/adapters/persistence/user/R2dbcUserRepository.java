package dev.accounts.adapters.persistence.user;

import dev.accounts.application.port.out.UserRepository;
import dev.accounts.domain.credentials.PasswordHash;
import dev.accounts.domain.user.EmailAddress;
import dev.accounts.domain.user.PersonName;
import dev.accounts.domain.user.User;
import dev.accounts.domain.user.UserId;
import io.r2dbc.spi.Parameter;
import io.r2dbc.spi.Parameters;
import io.r2dbc.spi.Readable;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Users in PostgreSQL over R2DBC; the unique key on {@code email_normalized} settles every race between
 * sign-ups, and the version column every race between changes to one user.
 */
public final class R2dbcUserRepository implements UserRepository {

    static final String EMAIL_UNIQUE_KEY = "users_email_normalized_key";

    private static final String COLUMNS = "user_id, email, email_normalized, first_name, last_name, password_hash, created_at, "
            + "email_verified_at, version";

    private final DatabaseClient database;

    public R2dbcUserRepository(DatabaseClient database) {
        this.database = database;
    }

    @Override
    public Mono<Boolean> existsByEmail(EmailAddress email) {
        return database.sql("SELECT EXISTS (SELECT 1 FROM users WHERE email_normalized = :key) AS taken")
                .bind("key", email.key())
                .map(row -> row.get("taken", Boolean.class))
                .one();
    }

    /**
     * A taken address inserts nothing rather than failing: a failed statement would abort the transaction
     * the insert runs in, and the caller could not go on to store what a taken address calls for.
     */
    @Override
    public Mono<InsertOutcome> insert(User user) {
        return database.sql("INSERT INTO users (" + COLUMNS + ") "
                        + "VALUES (:id, :email, :key, :firstName, :lastName, :passwordHash, :createdAt, :emailVerifiedAt, :version) "
                        + "ON CONFLICT ON CONSTRAINT " + EMAIL_UNIQUE_KEY + " DO NOTHING")
                .bind("id", user.id().value())
                .bind("email", user.email().value())
                .bind("key", user.email().key())
                .bind("firstName", valueOrNull(user.name().first(), String.class))
                .bind("lastName", valueOrNull(user.name().last(), String.class))
                .bind("passwordHash", user.passwordHash().value())
                .bind("createdAt", user.registeredAt())
                .bind("emailVerifiedAt", valueOrNull(user.emailVerifiedAt().orElse(null), Instant.class))
                .bind("version", user.version())
                .fetch().rowsUpdated().map(inserted -> inserted == 1 ? InsertOutcome.INSERTED : InsertOutcome.EMAIL_TAKEN);
    }

    @Override
    public Mono<User> findByEmail(EmailAddress email) {
        return database.sql("SELECT " + COLUMNS + " FROM users WHERE email_normalized = :key")
                .bind("key", email.key())
                .map(R2dbcUserRepository::toUser)
                .one();
    }

    @Override
    public Mono<User> findById(UserId id) {
        return database.sql("SELECT " + COLUMNS + " FROM users WHERE user_id = :id")
                .bind("id", id.value())
                .map(R2dbcUserRepository::toUser)
                .one();
    }

    /**
     * Writes what a user's own methods may change: the address and the names stay as they were stored.
     * The user's methods count the version up by one, so the stored row must be one behind.
     */
    @Override
    public Mono<Boolean> update(User user) {
        return database.sql("""
                        UPDATE users SET password_hash = :passwordHash, email_verified_at = :emailVerifiedAt, version = :version
                        WHERE user_id = :id AND version = :previousVersion""")
                .bind("id", user.id().value())
                .bind("passwordHash", user.passwordHash().value())
                .bind("emailVerifiedAt", valueOrNull(user.emailVerifiedAt().orElse(null), Instant.class))
                .bind("version", user.version())
                .bind("previousVersion", user.version() - 1)
                .fetch().rowsUpdated().map(updated -> updated == 1);
    }

    /** Sessions, one-time tokens and outbox messages go with the user, by their foreign keys. */
    @Override
    public Mono<Void> delete(User user) {
        return database.sql("DELETE FROM users WHERE user_id = :id").bind("id", user.id().value()).then();
    }

    /** A typed null where the value is absent: PostgreSQL has to know the type of every parameter. */
    private static Parameter valueOrNull(Object value, Class<?> type) {
        return value == null ? Parameters.in(type) : Parameters.in(value);
    }

    /** The key it was stored under: a row's key is changed only by a migration, never on reading. */
    private static User toUser(Readable row) {
        return new User(new UserId(row.get("user_id", UUID.class)),
                new EmailAddress(row.get("email", String.class), row.get("email_normalized", String.class)),
                new PersonName(row.get("first_name", String.class), row.get("last_name", String.class)),
                new PasswordHash(row.get("password_hash", String.class)),
                row.get("created_at", Instant.class),
                Optional.ofNullable(row.get("email_verified_at", Instant.class)),
                row.get("version", Long.class));
    }
}
