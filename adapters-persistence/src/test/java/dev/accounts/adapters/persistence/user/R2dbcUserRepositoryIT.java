package dev.accounts.adapters.persistence.user;

import dev.accounts.adapters.persistence.testing.MigratedTestDatabase;
import dev.accounts.application.port.out.TemporarilyUnavailableException;
import dev.accounts.application.port.out.UserRepository;
import dev.accounts.application.testing.UserRepositoryContract;
import dev.accounts.domain.credentials.PasswordHash;
import dev.accounts.domain.testing.Emails;
import dev.accounts.domain.user.PersonName;
import dev.accounts.domain.user.User;
import dev.accounts.domain.user.UserId;
import io.r2dbc.spi.ConnectionFactories;
import io.r2dbc.spi.ConnectionFactoryOptions;
import org.junit.jupiter.api.Test;
import org.springframework.data.r2dbc.core.R2dbcEntityTemplate;
import reactor.test.StepVerifier;

import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import static org.assertj.core.api.Assertions.assertThat;

class R2dbcUserRepositoryIT extends UserRepositoryContract {

    private final R2dbcEntityTemplate template = new R2dbcEntityTemplate(MigratedTestDatabase.connectionFactory());
    private final R2dbcUserRepository repository = new R2dbcUserRepository(template);

    @Override
    protected UserRepository repository() {
        return repository;
    }

    @Test
    void storesEveryFieldAndReadsItBack() {
        String email = "Round.Trip+" + System.nanoTime() + "@Müller.example";
        User user = new User(UserId.random(), Emails.email(email), new PersonName("Zoë", null),
                new PasswordHash("{argon2}$argon2id$v=19$m=19456,t=2,p=1$c2FsdA$aGFzaA"), Instant.now().truncatedTo(ChronoUnit.MICROS));

        repository.insert(user).block();

        assertThat(repository.findByEmail(Emails.email(email.toLowerCase(java.util.Locale.ROOT))).block()).isEqualTo(user);
        Object normalized = template.getDatabaseClient().sql("SELECT email_normalized FROM users WHERE user_id = :id")
                .bind("id", user.id().value()).map(row -> row.get(0)).one().block();
        assertThat(normalized).isEqualTo(user.email().key());
    }

    @Test
    void insertsEvenThoughTheIdIsAlreadySet() {
        User user = aUser(anyEmail());

        StepVerifier.create(repository.insert(user)).expectNext(UserRepository.InsertOutcome.INSERTED).verifyComplete();

        assertThat(repository.findByEmail(user.email()).block()).isNotNull();
    }

    @Test
    void failsWithAnErrorNotEmailTakenWhenTheIdCollides() {
        User first = aUser(anyEmail());
        repository.insert(first).block();
        User sameId = new User(first.id(), Emails.email(anyEmail()), first.name(), first.passwordHash(), first.registeredAt());

        StepVerifier.create(repository.insert(sameId)).expectError().verify(Duration.ofSeconds(10));
    }
}
