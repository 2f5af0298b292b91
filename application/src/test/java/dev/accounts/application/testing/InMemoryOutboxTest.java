package dev.accounts.application.testing;

import dev.accounts.application.port.out.Outbox;
import dev.accounts.domain.user.UserId;

class InMemoryOutboxTest extends OutboxContract {

    private final InMemoryOutbox outbox = new InMemoryOutbox();

    @Override
    protected Outbox outbox() {
        return outbox;
    }

    @Override
    protected UserId existingUser() {
        return UserId.random();
    }
}
