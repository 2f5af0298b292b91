package dev.accounts.adapters.persistence.session;

import dev.accounts.adapters.persistence.testing.MigratedTestDatabase;
import dev.accounts.adapters.persistence.testing.StoredUsers;
import dev.accounts.application.port.out.SessionRepository;
import dev.accounts.application.testing.SessionRepositoryContract;
import dev.accounts.domain.user.UserId;
import dev.accounts.domain.session.RefreshPolicy;
import dev.accounts.domain.session.Session;
import dev.accounts.domain.token.SecretToken;
import org.junit.jupiter.api.Test;
import org.springframework.r2dbc.core.DatabaseClient;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

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

    @Test
    void startsNoSessionForAUserThatIsGone() {
        Session orphan = Session.start(UserId.random(), SecretToken.random().hash(), Instant.now(),
                new RefreshPolicy(Duration.ofDays(14), Duration.ofSeconds(10)));

        assertThat(repository.insert(orphan).block()).isFalse();
        assertThat(repository.findById(orphan.id()).block()).isNull();
    }
}
