package dev.accounts.bootstrap.throughput;

import dev.accounts.application.port.in.RegisterUserCommand;
import dev.accounts.application.port.in.RegisterUserUseCase;
import dev.accounts.application.port.in.RegistrationResult;
import dev.accounts.application.testing.Accounts;
import dev.accounts.application.testing.FakePasswordHasher;
import dev.accounts.application.testing.FakePasswordStrengthEstimator;
import dev.accounts.application.testing.InMemoryUserRepository;
import dev.accounts.domain.credentials.PasswordPolicy;
import dev.accounts.domain.credentials.PasswordRules;
import dev.accounts.domain.registration.RegistrationRules;
import dev.accounts.domain.testing.Emails;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CoalescedRegistrationsTest {

    private static final String PASSWORD = "correct horse battery staple";

    private final InMemoryUserRepository users = new InMemoryUserRepository();
    private final FakePasswordHasher hasher = new FakePasswordHasher();
    private final RegistrationRules rules = new RegistrationRules(new PasswordRules(PasswordPolicy.recommended()), Emails.ADDRESSES);
    private final RegisterUserUseCase registrations = new CoalescedRegistrations(Accounts.registrationOver(rules, users, hasher,
            new FakePasswordStrengthEstimator(), Clock.systemUTC()), rules);

    private static RegisterUserCommand signUp(String email) {
        return new RegisterUserCommand("Ada", "Lovelace", email, PASSWORD, PASSWORD, "203.0.113.7");
    }

    @Test
    void hashesOnceForABurstOfRegistrationsOfOneAddressInAnyLetterCase() {
        List<RegistrationResult> results = Flux.range(0, 64)
                .flatMap(i -> registrations.register(signUp(i % 2 == 0 ? "burst@example.com" : "BURST@example.com")).subscribeOn(Schedulers.parallel()))
                .collectList()
                .block(Duration.ofSeconds(10));

        assertThat(results).filteredOn(RegistrationResult.Registered.class::isInstance).hasSize(1);
        assertThat(results).filteredOn(RegistrationResult.EmailTaken.class::isInstance).hasSize(63);
        assertThat(hasher.hashes()).isEqualTo(1);
    }

    @Test
    void answersAFormTheRulesRefuseWithoutWaitingForARegistrationOfItsAddress() {
        RegistrationResult refused = new RegistrationResult.Rejected(List.of());
        RegisterUserUseCase stuck = new CoalescedRegistrations(
                command -> command.password().equals(command.confirmPassword()) ? Mono.never() : Mono.just(refused), rules);
        stuck.register(signUp("slow@example.com")).subscribe();

        RegisterUserCommand mismatched = new RegisterUserCommand("Ada", "Lovelace", "slow@example.com", PASSWORD, "something else", "203.0.113.7");
        assertThat(stuck.register(mismatched).block(Duration.ofSeconds(5))).isSameAs(refused);
    }

    @Test
    void passesAFormWithoutAnAddressStraightToTheRules() {
        assertThat(registrations.register(signUp("not an email")).block()).isInstanceOf(RegistrationResult.Rejected.class);
        assertThat(registrations.register(signUp(null)).block()).isInstanceOf(RegistrationResult.Rejected.class);
    }
}
