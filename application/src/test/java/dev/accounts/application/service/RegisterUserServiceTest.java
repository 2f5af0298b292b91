package dev.accounts.application.service;

import dev.accounts.application.port.in.RegisterUserCommand;
import dev.accounts.application.port.in.RegistrationResult.EmailTaken;
import dev.accounts.application.port.in.RegistrationResult.Registered;
import dev.accounts.application.port.in.RegistrationResult.Rejected;
import dev.accounts.application.port.in.RegistrationResult;
import dev.accounts.application.port.out.TemporarilyUnavailableException;
import dev.accounts.application.port.out.BreachedPasswords;
import dev.accounts.application.port.out.UserRepository;
import dev.accounts.application.testing.DirectTransactions;
import dev.accounts.application.testing.InMemoryOneTimeTokens;
import dev.accounts.application.testing.InMemoryOutbox;
import dev.accounts.domain.messages.MessagePolicy;
import dev.accounts.application.testing.FakePasswordHasher;
import dev.accounts.application.testing.FakePasswordStrengthEstimator;
import dev.accounts.application.testing.InMemoryUserRepository;
import dev.accounts.domain.credentials.PasswordHash;
import dev.accounts.domain.credentials.PasswordPolicy;
import dev.accounts.domain.credentials.PasswordRules;
import dev.accounts.domain.registration.RegistrationRules;
import dev.accounts.domain.testing.Emails;
import dev.accounts.domain.user.EmailAddress;
import dev.accounts.domain.user.User;
import dev.accounts.domain.user.UserId;
import dev.accounts.domain.validation.Violation;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class RegisterUserServiceTest {

    private static final String PASSWORD = "correct horse battery staple";
    private static final Instant NOW = Instant.parse("2026-11-26T10:00:00Z");

    private final InMemoryUserRepository users = new InMemoryUserRepository();
    private final FakePasswordHasher hasher = new FakePasswordHasher();
    private final RegisterUserService service = serviceOver(users);

    private RegisterUserService serviceOver(UserRepository repository) {
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        PasswordRules passwordRules = new PasswordRules(PasswordPolicy.recommended());
        return new RegisterUserService(new RegistrationRules(passwordRules, Emails.ADDRESSES), false, repository,
                new NewPasswords(passwordRules, new FakePasswordStrengthEstimator(), BreachedPasswords.none(), hasher),
                new AccountMailer(new InMemoryOutbox(), new InMemoryOneTimeTokens(), MessagePolicy.STANDARD, clock), new DirectTransactions(), clock);
    }

    private static RegisterUserCommand command(String email) {
        return new RegisterUserCommand("Ada", "Lovelace", email, PASSWORD, PASSWORD, "203.0.113.7");
    }

    @Test
    void registersAValidUserWithAHashAndTheClocksInstant() {
        RegistrationResult result = service.register(command("ada@example.com")).block();

        assertThat(result).isInstanceOf(Registered.class);
        User stored = users.findByEmail("ada@example.com").orElseThrow();
        assertThat(stored.id()).isEqualTo(((Registered) result).id());
        assertThat(stored.passwordHash().value()).startsWith("{fake}").doesNotContain(PASSWORD);
        assertThat(stored.registeredAt()).isEqualTo(NOW);
        assertThat(stored.name().first()).isEqualTo("Ada");
    }

    @Test
    void rejectsWithEveryViolationAndHashesNothing() {
        RegistrationResult result = service.register(new RegisterUserCommand(null, null, "nope", "short", "other", "203.0.113.7")).block();

        assertThat(result).isInstanceOfSatisfying(Rejected.class, rejected -> assertThat(rejected.violations())
                .extracting(Violation::code).containsExactlyInAnyOrder("email.invalid", "password.too_short", "password.mismatch"));
        assertThat(hasher.hashes()).isZero();
        assertThat(users.count()).isZero();
    }

    @Test
    void rejectsAWeakPasswordWithTheEstimatorsAdvice() {
        String weak = "my password is long enough";

        RegistrationResult result = service.register(new RegisterUserCommand(null, null, "ada@example.com", weak, weak, "203.0.113.7")).block();

        assertThat(result).isInstanceOfSatisfying(Rejected.class, rejected -> assertThat(rejected.violations())
                .singleElement().satisfies(v -> assertThat(v.message()).contains("Avoid common words")));
    }

    @Test
    void judgesStrengthOnlyOnAFormThatPassedEverythingElse() {
        String weak = "my password is long enough";

        RegistrationResult result = service.register(new RegisterUserCommand(null, null, "not-an-email", weak, weak, "203.0.113.7")).block();

        assertThat(result).isInstanceOfSatisfying(Rejected.class, rejected -> assertThat(rejected.violations())
                .extracting(Violation::code).containsExactly("email.invalid"));
    }

    @Test
    void answersEmailTakenBeforeJudgingThePassword() {
        service.register(command("ada@example.com")).block();
        String weak = "my password is long enough";

        RegistrationResult result = service.register(new RegisterUserCommand(null, null, "ada@example.com", weak, weak, "203.0.113.7")).block();

        assertThat(result).isInstanceOf(EmailTaken.class);
    }

    @Test
    void answersEmailTakenInAnyLetterCaseWithoutHashing() {
        service.register(command("ada@example.com")).block();
        int hashesBefore = hasher.hashes();

        StepVerifier.create(service.register(command("ADA@Example.COM")))
                .assertNext(result -> assertThat(result).isEqualTo(new EmailTaken(Emails.email("ADA@Example.COM"))))
                .verifyComplete();
        assertThat(hasher.hashes()).isEqualTo(hashesBefore);
    }

    @Test
    void turnsALostInsertRaceIntoEmailTaken() {
        UserRepository racingRepository = new UserRepository() {
            @Override
            public Mono<Boolean> existsByEmail(EmailAddress email) {
                return Mono.just(false); // another instance inserts between our check and our insert
            }

            @Override
            public Mono<InsertOutcome> insert(User user) {
                return Mono.just(InsertOutcome.EMAIL_TAKEN);
            }

            @Override
            public Mono<User> findByEmail(EmailAddress email) {
                return users.findByEmail(email);
            }

            @Override
            public Mono<User> findById(UserId id) {
                return users.findById(id);
            }

            @Override
            public Mono<Boolean> update(User user) {
                return users.update(user);
            }

            @Override
            public Mono<Void> delete(User user) {
                return users.delete(user);
            }
        };

        StepVerifier.create(serviceOver(racingRepository).register(command("ada@example.com")))
                .assertNext(result -> assertThat(result).isInstanceOf(EmailTaken.class))
                .verifyComplete();
    }

    /** Without any coalescing in front of it (that is the application's throughput machinery), a burst is still one account. */
    @Test
    void registersExactlyOneAccountForABurstOfRegistrationsOfOneEmail() {
        List<RegistrationResult> results = Flux.range(0, 64)
                .flatMap(i -> service.register(command(i % 2 == 0 ? "burst@example.com" : "BURST@example.com"))
                        .subscribeOn(Schedulers.parallel()))
                .collectList()
                .block(Duration.ofSeconds(10));

        assertThat(results).filteredOn(Registered.class::isInstance).hasSize(1);
        assertThat(results).filteredOn(EmailTaken.class::isInstance).hasSize(63);
        assertThat(users.count()).isEqualTo(1);
    }

    @Test
    void passesOnUnavailabilityAndStoresNothing() {
        hasher.saturate();

        StepVerifier.create(service.register(command("ada@example.com")))
                .expectError(TemporarilyUnavailableException.class)
                .verify();
        assertThat(users.count()).isZero();
    }
}
