package dev.accounts.adapters.persistence.session;

import dev.accounts.adapters.persistence.testing.MigratedTestDatabase;
import dev.accounts.adapters.persistence.user.R2dbcUserRepository;
import dev.accounts.application.port.out.SessionRepository;
import dev.accounts.application.testing.SessionRepositoryContract;
import dev.accounts.domain.credentials.PasswordHash;
import dev.accounts.domain.testing.Emails;
import dev.accounts.domain.user.PersonName;
import dev.accounts.domain.user.User;
import dev.accounts.domain.user.UserId;
import org.springframework.data.r2dbc.core.R2dbcEntityTemplate;
import org.springframework.r2dbc.core.DatabaseClient;

import java.time.Clock;
import java.util.UUID;

class R2dbcSessionRepositoryIT extends SessionRepositoryContract {

    private final R2dbcSessionRepository repository = new R2dbcSessionRepository(DatabaseClient.create(MigratedTestDatabase.connectionFactory()));
    private UserId user;

    @Override
    protected SessionRepository repository() {
        return repository;
    }

    @Override
    protected UserId existingUser() {
        if (user == null) {
            User stored = User.register(Emails.email("sessions-" + UUID.randomUUID() + "@example.com"), PersonName.NONE,
                    new PasswordHash("{noop}x"), Clock.systemUTC());
            new R2dbcUserRepository(new R2dbcEntityTemplate(MigratedTestDatabase.connectionFactory())).insert(stored).block();
            user = stored.id();
        }
        return user;
    }
}
