package dev.accounts.application.testing;

import dev.accounts.application.port.out.UserRepository.InsertOutcome;
import dev.accounts.application.port.out.UserRepository;
import dev.accounts.domain.credentials.PasswordHash;
import dev.accounts.domain.testing.Emails;
import dev.accounts.domain.user.EmailAddress;
import dev.accounts.domain.user.PersonName;
import dev.accounts.domain.user.User;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;

import java.time.Clock;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** What every {@link UserRepository} must do; each adapter's test extends this. */
public abstract class UserRepositoryContract {

    protected abstract UserRepository repository();

    protected static String anyEmail() {
        return "user-" + UUID.randomUUID() + "@example.com";
    }

    protected static User aUser(String email) {
        return User.register(Emails.email(email), new PersonName("Ada", "Lovelace"),
                new PasswordHash("{noop}not-a-real-hash"), Clock.tick(Clock.systemUTC(), java.time.Duration.ofMillis(1)));
    }

    @Test
    void findsAnInsertedEmailInAnyLetterCase() {
        String email = anyEmail();

        StepVerifier.create(repository().insert(aUser(email))).expectNext(InsertOutcome.INSERTED).verifyComplete();

        StepVerifier.create(repository().existsByEmail(Emails.email(email.toUpperCase(java.util.Locale.ROOT))))
                .expectNext(true).verifyComplete();
    }

    @Test
    void doesNotFindAnUnknownEmail() {
        EmailAddress unknown = Emails.email(anyEmail());

        StepVerifier.create(repository().existsByEmail(unknown)).expectNext(false).verifyComplete();
    }

    @Test
    void answersEmailTakenForASecondUserWithTheSameEmailInAnotherCase() {
        String email = anyEmail();
        repository().insert(aUser(email)).block();

        StepVerifier.create(repository().insert(aUser(email.toUpperCase(java.util.Locale.ROOT))))
                .expectNext(InsertOutcome.EMAIL_TAKEN).verifyComplete();
    }

    @Test
    void findsAUserByEmailInAnyCaseAndById() {
        User user = aUser(anyEmail());
        repository().insert(user).block();

        assertThat(repository().findByEmail(Emails.email(user.email().value().toUpperCase(java.util.Locale.ROOT))).block()).isEqualTo(user);
        assertThat(repository().findById(user.id()).block()).isEqualTo(user);
        assertThat(repository().findById(dev.accounts.domain.user.UserId.random()).block()).isNull();
    }

    @Test
    void replacesThePasswordHash() {
        User user = aUser(anyEmail());
        repository().insert(user).block();

        repository().update(user.rehashed(new PasswordHash("{argon2}newer"))).block();

        assertThat(repository().findById(user.id()).block().passwordHash()).isEqualTo(new PasswordHash("{argon2}newer"));
    }

    @Test
    void storesAChangeOnlyOverTheVersionItWasMadeFrom() {
        User user = aUser(anyEmail());
        repository().insert(user).block();
        User verified = user.emailVerified(user.registeredAt().plusSeconds(60));

        StepVerifier.create(repository().update(verified)).expectNext(true).verifyComplete();
        StepVerifier.create(repository().update(user.passwordChanged(new PasswordHash("{argon2}stale")))).expectNext(false).verifyComplete();

        User stored = repository().findById(user.id()).block();
        assertThat(stored).isEqualTo(verified);
        assertThat(stored.emailVerifiedAt()).contains(user.registeredAt().plusSeconds(60));
    }

    @Test
    void deletesAUserSoTheAddressCanRegisterAgain() {
        User user = aUser(anyEmail());
        repository().insert(user).block();

        repository().delete(user).block();

        assertThat(repository().findById(user.id()).block()).isNull();
        StepVerifier.create(repository().existsByEmail(user.email())).expectNext(false).verifyComplete();
        StepVerifier.create(repository().insert(aUser(user.email().value()))).expectNext(InsertOutcome.INSERTED).verifyComplete();
        StepVerifier.create(repository().update(user.passwordChanged(new PasswordHash("{argon2}gone")))).expectNext(false).verifyComplete();
    }

    @Test
    void insertsExactlyOneOfManyConcurrentUsersWithOneEmail() {
        String email = anyEmail();

        var outcomes = Flux.range(0, 16)
                .flatMap(i -> repository().insert(aUser(email)).subscribeOn(Schedulers.parallel()))
                .collectList().block();

        assertThat(outcomes).containsOnlyOnce(InsertOutcome.INSERTED).hasSize(16);
    }
}
