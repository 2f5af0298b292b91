package dev.accounts.adapters.persistence;

import dev.accounts.adapters.persistence.outbox.R2dbcOutbox;
import dev.accounts.adapters.persistence.testing.MigratedTestDatabase;
import dev.accounts.adapters.persistence.testing.TokenKeys;
import dev.accounts.adapters.persistence.user.R2dbcUserRepository;
import dev.accounts.application.port.out.UserRepository.InsertOutcome;
import dev.accounts.domain.credentials.PasswordHash;
import dev.accounts.domain.messages.AccountMessage;
import dev.accounts.domain.testing.Emails;
import dev.accounts.domain.user.PersonName;
import dev.accounts.domain.user.User;
import org.junit.jupiter.api.Test;
import org.springframework.r2dbc.connection.R2dbcTransactionManager;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class R2dbcTransactionsIT {

    private final DatabaseClient database = DatabaseClient.create(MigratedTestDatabase.connectionFactory());
    private final R2dbcTransactions transactions = new R2dbcTransactions(new R2dbcTransactionManager(MigratedTestDatabase.connectionFactory()));
    private final R2dbcUserRepository users = new R2dbcUserRepository(database);
    private final R2dbcOutbox outbox = new R2dbcOutbox(database, TokenKeys.anyKey());
    private final Instant now = Instant.now();

    @Test
    void commitsEveryChangeOfWorkThatCompletes() {
        User user = anyUser();

        StepVerifier.create(transactions.atomically(() -> users.insert(user).then(outbox.enqueue(passwordChanged(user), now))))
                .verifyComplete();

        assertThat(users.findById(user.id()).block()).isNotNull();
        assertThat(outbox.countSent(user.email(), AccountMessage.Kind.PASSWORD_CHANGED, now).block()).isOne();
    }

    @Test
    void rollsBackEveryChangeOfWorkThatFails() {
        User user = anyUser();

        StepVerifier.create(transactions.atomically(() -> users.insert(user)
                        .then(outbox.enqueue(passwordChanged(user), now))
                        .then(Mono.error(new IllegalStateException("the work failed after storing both")))))
                .expectErrorMessage("the work failed after storing both")
                .verify();

        assertThat(users.findById(user.id()).block()).isNull();
        assertThat(outbox.countSent(user.email(), AccountMessage.Kind.PASSWORD_CHANGED, now).block()).isZero();
    }

    @Test
    void goesOnAfterAnInsertFindsTheAddressTaken() {
        User owner = anyUser();
        users.insert(owner).block();
        User latecomer = User.register(owner.email(), PersonName.NONE, new PasswordHash("{noop}y"), Clock.systemUTC());

        StepVerifier.create(transactions.atomically(() -> users.insert(latecomer)
                        .flatMap(outcome -> outbox.enqueue(new AccountMessage.SignUpAttempted(owner.id(), owner.email(), null), now)
                                .thenReturn(outcome))))
                .expectNext(InsertOutcome.EMAIL_TAKEN)
                .verifyComplete();

        assertThat(outbox.countSent(owner.email(), AccountMessage.Kind.SIGN_UP_ATTEMPTED, now).block()).isOne();
    }

    private static User anyUser() {
        return User.register(Emails.email("tx-" + UUID.randomUUID() + "@example.com"), new PersonName("Ada", null),
                new PasswordHash("{noop}x"), Clock.systemUTC());
    }

    private static AccountMessage passwordChanged(User user) {
        return new AccountMessage.PasswordChanged(user.id(), user.email(), user.name().first());
    }
}
