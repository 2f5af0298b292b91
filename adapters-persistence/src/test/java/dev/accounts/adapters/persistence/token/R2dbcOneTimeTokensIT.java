package dev.accounts.adapters.persistence.token;

import dev.accounts.adapters.persistence.testing.MigratedTestDatabase;
import dev.accounts.adapters.persistence.testing.StoredUsers;
import dev.accounts.application.port.out.OneTimeTokens;
import dev.accounts.application.testing.OneTimeTokensContract;
import dev.accounts.domain.user.UserId;
import org.springframework.r2dbc.core.DatabaseClient;

class R2dbcOneTimeTokensIT extends OneTimeTokensContract {

    private final R2dbcOneTimeTokens tokens = new R2dbcOneTimeTokens(DatabaseClient.create(MigratedTestDatabase.connectionFactory()));

    @Override
    protected OneTimeTokens tokens() {
        return tokens;
    }

    @Override
    protected UserId existingUser() {
        return StoredUsers.anyStoredUser();
    }
}
