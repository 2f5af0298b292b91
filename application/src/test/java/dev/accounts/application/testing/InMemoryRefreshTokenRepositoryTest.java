package dev.accounts.application.testing;

import dev.accounts.application.port.out.RefreshTokenRepository;
import dev.accounts.domain.user.UserId;

class InMemoryRefreshTokenRepositoryTest extends RefreshTokenRepositoryContract {

    private final InMemoryRefreshTokenRepository repository = new InMemoryRefreshTokenRepository();

    @Override
    protected RefreshTokenRepository repository() {
        return repository;
    }

    @Override
    protected UserId existingUser() {
        return UserId.random();
    }
}
