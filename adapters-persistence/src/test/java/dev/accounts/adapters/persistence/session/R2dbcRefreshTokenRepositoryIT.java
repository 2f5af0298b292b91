package dev.accounts.adapters.persistence.session;

import dev.accounts.adapters.persistence.testing.MigratedTestDatabase;
import dev.accounts.adapters.persistence.user.R2dbcUserRepository;
import dev.accounts.application.port.out.RefreshTokenRepository;
import dev.accounts.application.testing.RefreshTokenRepositoryContract;
import dev.accounts.domain.testing.Emails;
import dev.accounts.domain.user.PasswordHash;
import dev.accounts.domain.user.PersonName;
import dev.accounts.domain.user.User;
import dev.accounts.domain.user.UserId;
import org.springframework.data.r2dbc.core.R2dbcEntityTemplate;
import org.springframework.r2dbc.connection.R2dbcTransactionManager;
import org.springframework.transaction.reactive.TransactionalOperator;

import java.time.Clock;
import java.util.UUID;

class R2dbcRefreshTokenRepositoryIT extends RefreshTokenRepositoryContract {

    private final R2dbcEntityTemplate template = new R2dbcEntityTemplate(MigratedTestDatabase.connectionFactory());
    private final R2dbcRefreshTokenRepository repository = new R2dbcRefreshTokenRepository(template,
            TransactionalOperator.create(new R2dbcTransactionManager(MigratedTestDatabase.connectionFactory())));
    private UserId user;

    @Override
    protected RefreshTokenRepository repository() {
        return repository;
    }

    @Override
    protected UserId existingUser() {
        if (user == null) {
            User stored = User.register(Emails.email("tokens-" + UUID.randomUUID() + "@example.com"), PersonName.NONE,
                    new PasswordHash("{noop}x"), Clock.systemUTC());
            new R2dbcUserRepository(template).insert(stored).block();
            user = stored.id();
        }
        return user;
    }
}
