package dev.accounts.adapters.persistence.testing;

import dev.accounts.adapters.persistence.user.R2dbcUserRepository;
import dev.accounts.domain.credentials.PasswordHash;
import dev.accounts.domain.testing.Emails;
import dev.accounts.domain.user.PersonName;
import dev.accounts.domain.user.User;
import dev.accounts.domain.user.UserId;
import org.springframework.r2dbc.core.DatabaseClient;

import java.time.Clock;
import java.util.UUID;

/** Users stored in the test database, for the rows that must belong to one. */
public final class StoredUsers {

    private StoredUsers() {
    }

    /** A new user with a fresh random address, stored. */
    public static UserId anyStoredUser() {
        User user = User.register(Emails.email("stored-" + UUID.randomUUID() + "@example.com"), PersonName.NONE,
                new PasswordHash("{noop}x"), Clock.systemUTC());
        new R2dbcUserRepository(DatabaseClient.create(MigratedTestDatabase.connectionFactory())).insert(user).block();
        return user.id();
    }
}
