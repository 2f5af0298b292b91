package dev.accounts.adapters.persistence.session;

import dev.accounts.adapters.persistence.testing.MigratedTestDatabase;
import dev.accounts.adapters.persistence.testing.StoredUsers;
import dev.accounts.application.port.out.SessionRepository;
import dev.accounts.application.testing.SessionRepositoryContract;
import dev.accounts.domain.user.UserId;
import org.springframework.r2dbc.core.DatabaseClient;

class R2dbcSessionRepositoryIT extends SessionRepositoryContract {

    private final R2dbcSessionRepository repository = new R2dbcSessionRepository(DatabaseClient.create(MigratedTestDatabase.connectionFactory()));
    private UserId user;

    @Override
    protected SessionRepository repository() {
        return repository;
    }

    /** One user per test: the contract's tests read all of a user's sessions. */
    @Override
    protected UserId existingUser() {
        if (user == null) {
            user = StoredUsers.anyStoredUser();
        }
        return user;
    }
}
