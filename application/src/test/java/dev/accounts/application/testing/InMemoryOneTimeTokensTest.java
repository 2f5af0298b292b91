package dev.accounts.application.testing;

import dev.accounts.application.port.out.OneTimeTokens;
import dev.accounts.domain.user.UserId;

class InMemoryOneTimeTokensTest extends OneTimeTokensContract {

    private final InMemoryOneTimeTokens tokens = new InMemoryOneTimeTokens();

    @Override
    protected OneTimeTokens tokens() {
        return tokens;
    }

    @Override
    protected UserId existingUser() {
        return UserId.random();
    }
}
