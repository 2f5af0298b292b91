package dev.accounts.adapters.persistence.user;

import dev.accounts.adapters.persistence.DatabaseFailures;
import dev.accounts.application.port.out.UserRepository;
import dev.accounts.domain.user.EmailAddress;
import dev.accounts.domain.user.PasswordHash;
import dev.accounts.domain.user.User;
import dev.accounts.domain.user.UserId;
import io.r2dbc.postgresql.api.PostgresqlException;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.r2dbc.core.R2dbcEntityTemplate;
import org.springframework.data.relational.core.query.Update;
import reactor.core.publisher.Mono;

import java.time.Duration;

import static org.springframework.data.relational.core.query.Criteria.where;
import static org.springframework.data.relational.core.query.Query.query;

/**
 * Users in PostgreSQL over R2DBC; the unique key on {@code email_normalized} settles every race.
 * Emails known to be registered are remembered in a bounded cache: accounts are never deleted, so a
 * "taken" answer never goes stale, and repeated sign-ups for one address cost no query.
 */
public final class R2dbcUserRepository implements UserRepository {

    static final String EMAIL_UNIQUE_KEY = "users_email_normalized_key";
    private static final long DEFAULT_KNOWN_EMAILS = 50_000;

    private final R2dbcEntityTemplate template;
    private final UserRowMapper mapper;
    private final Cache<String, Boolean> knownEmails;
    /** Signed-in users are looked up on every request; this spares the query for a minute at most. */
    private final Cache<UserId, User> recentUsers = Caffeine.newBuilder().executor(Runnable::run)
            .maximumSize(10_000).expireAfterWrite(Duration.ofMinutes(1)).build();

    public R2dbcUserRepository(R2dbcEntityTemplate template) {
        this(template, DEFAULT_KNOWN_EMAILS);
    }

    private R2dbcUserRepository(R2dbcEntityTemplate template, long knownEmailsToRemember) {
        this.template = template;
        this.mapper = new UserRowMapperImpl();
        // The caches keep house on the caller: handing it to the common pool would wake a thread on every sign-up.
        this.knownEmails = Caffeine.newBuilder().executor(Runnable::run).maximumSize(knownEmailsToRemember).build();
    }

    @Override
    public Mono<Boolean> existsByEmail(EmailAddress email) {
        String key = email.key();
        if (knownToBeTaken(email)) {
            return Mono.just(true);
        }
        return template.exists(query(where("emailNormalized").is(key)), UserRow.class)
                .doOnNext(exists -> rememberIf(exists, key))
                .onErrorMap(DatabaseFailures::isUnavailability, DatabaseFailures::unavailable);
    }

    @Override
    public boolean knownToBeTaken(EmailAddress email) {
        return knownEmails.getIfPresent(email.key()) != null;
    }

    private void rememberIf(boolean registered, String emailKey) {
        if (registered) {
            knownEmails.put(emailKey, Boolean.TRUE);
        }
    }

    /** Always an INSERT: the domain assigned the id, so {@code save} would mistake the row for an existing one. */
    @Override
    public Mono<InsertOutcome> insert(User user) {
        return template.insert(mapper.toRow(user))
                .thenReturn(InsertOutcome.INSERTED)
                .onErrorResume(R2dbcUserRepository::isEmailUniqueKeyViolation, duplicate -> Mono.just(InsertOutcome.EMAIL_TAKEN))
                .doOnNext(outcome -> rememberIf(true, user.email().key()))
                .onErrorMap(DatabaseFailures::isUnavailability, DatabaseFailures::unavailable);
    }

    @Override
    public Mono<User> findByEmail(EmailAddress email) {
        return template.selectOne(query(where("emailNormalized").is(email.key())), UserRow.class)
                .map(mapper::toDomain)
                .onErrorMap(DatabaseFailures::isUnavailability, DatabaseFailures::unavailable);
    }

    @Override
    public Mono<User> findById(UserId id) {
        User recent = recentUsers.getIfPresent(id);
        if (recent != null) {
            return Mono.just(recent);
        }
        return template.selectOne(query(where("userId").is(id.value())), UserRow.class)
                .map(mapper::toDomain)
                .doOnNext(user -> recentUsers.put(id, user))
                .onErrorMap(DatabaseFailures::isUnavailability, DatabaseFailures::unavailable);
    }

    @Override
    public Mono<Void> updatePasswordHash(UserId id, PasswordHash hash) {
        return template.update(query(where("userId").is(id.value())), Update.update("passwordHash", hash.value()), UserRow.class)
                .doOnNext(updated -> recentUsers.invalidate(id))
                .then()
                .onErrorMap(DatabaseFailures::isUnavailability, DatabaseFailures::unavailable);
    }

    private static boolean isEmailUniqueKeyViolation(Throwable error) {
        return error instanceof DuplicateKeyException
                && error.getCause() instanceof PostgresqlException postgres
                && postgres.getErrorDetails().getConstraintName().map(EMAIL_UNIQUE_KEY::equals).orElse(false);
    }

}
