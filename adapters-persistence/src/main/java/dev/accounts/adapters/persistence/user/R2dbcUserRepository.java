package dev.accounts.adapters.persistence.user;

import dev.accounts.application.port.out.UserRepository;
import dev.accounts.domain.user.EmailAddress;
import dev.accounts.domain.user.User;
import dev.accounts.domain.user.UserId;
import io.r2dbc.postgresql.api.PostgresqlException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.r2dbc.core.R2dbcEntityTemplate;
import org.springframework.data.relational.core.query.Update;
import reactor.core.publisher.Mono;

import static org.springframework.data.relational.core.query.Criteria.where;
import static org.springframework.data.relational.core.query.Query.query;

/** Users in PostgreSQL over R2DBC; the unique key on {@code email_normalized} settles every race. */
public final class R2dbcUserRepository implements UserRepository {

    static final String EMAIL_UNIQUE_KEY = "users_email_normalized_key";

    private final R2dbcEntityTemplate template;
    private final UserRowMapper mapper = new UserRowMapperImpl();

    public R2dbcUserRepository(R2dbcEntityTemplate template) {
        this.template = template;
    }

    @Override
    public Mono<Boolean> existsByEmail(EmailAddress email) {
        return template.exists(query(where("emailNormalized").is(email.key())), UserRow.class);
    }

    /** Always an INSERT: the domain assigned the id, so {@code save} would mistake the row for an existing one. */
    @Override
    public Mono<InsertOutcome> insert(User user) {
        return template.insert(mapper.toRow(user))
                .thenReturn(InsertOutcome.INSERTED)
                .onErrorResume(R2dbcUserRepository::isEmailUniqueKeyViolation, duplicate -> Mono.just(InsertOutcome.EMAIL_TAKEN));
    }

    @Override
    public Mono<User> findByEmail(EmailAddress email) {
        return template.selectOne(query(where("emailNormalized").is(email.key())), UserRow.class).map(mapper::toDomain);
    }

    @Override
    public Mono<User> findById(UserId id) {
        return template.selectOne(query(where("userId").is(id.value())), UserRow.class).map(mapper::toDomain);
    }

    /**
     * Writes what a user's own methods may change, which today is the password hash: the address and the
     * names stay as they were read, so a concurrent change to them is not overwritten. A user deleted
     * meanwhile is left deleted.
     */
    @Override
    public Mono<Void> update(User user) {
        return template.update(query(where("userId").is(user.id().value())), Update.update("passwordHash", user.passwordHash().value()),
                UserRow.class).then();
    }

    private static boolean isEmailUniqueKeyViolation(Throwable error) {
        return error instanceof DuplicateKeyException
                && error.getCause() instanceof PostgresqlException postgres
                && postgres.getErrorDetails().getConstraintName().map(EMAIL_UNIQUE_KEY::equals).orElse(false);
    }
}
