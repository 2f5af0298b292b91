package dev.accounts.adapters.persistence.user;

import dev.accounts.adapters.persistence.outbox.R2dbcOutbox;
import dev.accounts.adapters.persistence.session.R2dbcSessionRepository;
import dev.accounts.adapters.persistence.testing.MigratedTestDatabase;
import dev.accounts.adapters.persistence.testing.TokenKeys;
import dev.accounts.adapters.persistence.token.R2dbcOneTimeTokens;
import dev.accounts.application.port.out.UserRepository;
import dev.accounts.application.testing.UserRepositoryContract;
import dev.accounts.domain.credentials.PasswordHash;
import dev.accounts.domain.messages.AccountMessage;
import dev.accounts.domain.session.RefreshPolicy;
import dev.accounts.domain.session.Session;
import dev.accounts.domain.testing.Emails;
import dev.accounts.domain.token.OneTimeToken;
import dev.accounts.domain.token.SecretToken;
import dev.accounts.domain.user.PersonName;
import dev.accounts.domain.user.User;
import dev.accounts.domain.user.UserId;
import org.junit.jupiter.api.Test;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.test.StepVerifier;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class R2dbcUserRepositoryIT extends UserRepositoryContract {

    private final DatabaseClient database = DatabaseClient.create(MigratedTestDatabase.connectionFactory());
    private final R2dbcUserRepository repository = new R2dbcUserRepository(database);

    @Override
    protected UserRepository repository() {
        return repository;
    }

    @Test
    void storesEveryFieldAndReadsItBack() {
        String email = "Round.Trip+" + System.nanoTime() + "@Müller.example";
        Instant registered = Instant.now().truncatedTo(ChronoUnit.MICROS);
        User user = new User(UserId.random(), Emails.email(email), new PersonName("Zoë", null),
                new PasswordHash("{argon2}$argon2id$v=19$m=19456,t=2,p=1$c2FsdA$aGFzaA"), registered,
                Optional.of(registered.plusSeconds(90)), 3);

        repository.insert(user).block();

        assertThat(repository.findByEmail(Emails.email(email.toLowerCase(Locale.ROOT))).block()).isEqualTo(user);
        Object normalized = database.sql("SELECT email_normalized FROM users WHERE user_id = :id")
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
        User sameId = new User(first.id(), Emails.email(anyEmail()), first.name(), first.passwordHash(), first.registeredAt(),
                Optional.empty(), 0);

        StepVerifier.create(repository.insert(sameId)).expectError().verify(Duration.ofSeconds(10));
    }

    @Test
    void keepsTheAddressAndNamesAsStoredWhenUpdating() {
        User user = aUser(anyEmail());
        repository.insert(user).block();
        User renamedElsewhere = new User(user.id(), Emails.email(anyEmail()), new PersonName("Someone", "Else"), user.passwordHash(),
                user.registeredAt(), user.emailVerifiedAt(), user.version());

        repository.update(renamedElsewhere.passwordChanged(new PasswordHash("{argon2}changed"))).block();

        User stored = repository.findById(user.id()).block();
        assertThat(stored.email()).isEqualTo(user.email());
        assertThat(stored.name()).isEqualTo(user.name());
        assertThat(stored.passwordHash()).isEqualTo(new PasswordHash("{argon2}changed"));
    }

    @Test
    void deletingAUserTakesItsSessionsAndTokensWithItAndLeavesNoMessageItsOwn() {
        User user = aUser(anyEmail());
        repository.insert(user).block();
        Instant now = Instant.now();
        new R2dbcSessionRepository(database)
                .insert(Session.start(user.id(), SecretToken.random().hash(), now, new RefreshPolicy(Duration.ofDays(14), Duration.ofSeconds(10))))
                .block();
        new R2dbcOneTimeTokens(database).replace(OneTimeToken.issue(user.id(), OneTimeToken.Purpose.VERIFY_EMAIL, now).token()).block();
        new R2dbcOutbox(database, TokenKeys.anyKey())
                .enqueue(new AccountMessage.VerifyEmail(user.id(), user.email(), "Ada", SecretToken.random()), now).block();
        assertThat(rowsOf(user.id(), "sessions") + rowsOf(user.id(), "one_time_tokens") + rowsOf(user.id(), "outbox_messages")).isEqualTo(3);

        repository.delete(user).block();

        assertThat(rowsOf(user.id(), "sessions")).isZero();
        assertThat(rowsOf(user.id(), "one_time_tokens")).isZero();
        assertThat(rowsOf(user.id(), "outbox_messages")).isZero();
    }

    private long rowsOf(UserId user, String table) {
        return database.sql("SELECT count(*) AS n FROM " + table + " WHERE user_id = :user")
                .bind("user", user.value()).map(row -> row.get("n", Long.class)).one().block();
    }
}
