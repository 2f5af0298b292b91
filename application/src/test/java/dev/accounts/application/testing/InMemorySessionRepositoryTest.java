package dev.accounts.application.testing;

import dev.accounts.application.port.out.SessionRepository;
import dev.accounts.domain.user.UserId;

class InMemorySessionRepositoryTest extends SessionRepositoryContract {
    private final UserId user = UserId.random();

    private final InMemorySessionRepository repository = new InMemorySessionRepository();

    @Override
    protected SessionRepository repository() {
        return repository;
    }

    @Override
    protected UserId existingUser() {
        return user;
    }
}
