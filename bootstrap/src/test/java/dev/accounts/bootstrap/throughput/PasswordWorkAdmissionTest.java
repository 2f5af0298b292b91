package dev.accounts.bootstrap.throughput;

import dev.accounts.adapters.security.password.PasswordWorkQueue;
import dev.accounts.application.port.in.RegisterUserCommand;
import dev.accounts.application.port.in.RegisterUserUseCase;
import dev.accounts.application.port.in.RegistrationResult;
import dev.accounts.application.port.in.SignInCommand;
import dev.accounts.application.port.in.SignInResult;
import dev.accounts.application.port.in.SignInUseCase;
import dev.accounts.application.port.out.PasswordHasher;
import dev.accounts.application.port.out.PasswordStrengthEstimator;
import dev.accounts.application.port.out.SignInThrottle;
import dev.accounts.application.port.out.TemporarilyUnavailableException;
import dev.accounts.application.port.out.UserRepository;
import dev.accounts.application.testing.Accounts;
import dev.accounts.application.service.SessionIssuer;
import dev.accounts.application.service.SignInService;
import dev.accounts.application.testing.FakeAccessTokens;
import dev.accounts.application.testing.FakePasswordHasher;
import dev.accounts.application.testing.FakePasswordStrengthEstimator;
import dev.accounts.application.testing.InMemorySessionRepository;
import dev.accounts.application.testing.InMemorySignInThrottle;
import dev.accounts.application.testing.InMemoryUserRepository;
import dev.accounts.application.testing.MutableClock;
import dev.accounts.application.testing.RecordingSignInAudit;
import dev.accounts.domain.credentials.PasswordPolicy;
import dev.accounts.domain.credentials.PasswordRules;
import dev.accounts.domain.registration.RegistrationRules;
import dev.accounts.domain.session.RefreshPolicy;
import dev.accounts.domain.signin.ThrottlePolicy;
import dev.accounts.domain.testing.Emails;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** Sign-ups and sign-ins wired as the service wires them, over in-memory adapters and a one-slot queue. */
class PasswordWorkAdmissionTest {

    private static final String PASSWORD = "tangerine otter kayak mosaic";

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-26T10:00:00Z"));
    private final PasswordWorkQueue queue = new PasswordWorkQueue(new PasswordWorkQueue.Policy(1, Duration.ZERO, 1.0, Duration.ZERO,
            Duration.ofSeconds(1), Duration.ofMillis(100)));
    private final PasswordWorkAdmission admission = new PasswordWorkAdmission(queue);
    private final InMemoryUserRepository storedUsers = new InMemoryUserRepository();
    private final FakePasswordHasher fakeHasher = new FakePasswordHasher();
    private final InMemorySignInThrottle storedFailures = new InMemorySignInThrottle();
    private final UserRepository users = new RememberingUserRepository(PasswordWorkAdmission.gated(UserRepository.class, storedUsers),
            100, Duration.ofMinutes(1), Duration.ofMinutes(1));
    private final PasswordHasher hasher = PasswordWorkAdmission.gated(PasswordHasher.class, fakeHasher);
    private final SignInThrottle throttle = PasswordWorkAdmission.gated(SignInThrottle.class, storedFailures);
    private final RegisterUserUseCase registrations = admission.admittedRegistrations(Accounts.registrationOver(
            new RegistrationRules(new PasswordRules(PasswordPolicy.recommended()), Emails.ADDRESSES), users, hasher,
            PasswordWorkAdmission.gated(PasswordStrengthEstimator.class, new FakePasswordStrengthEstimator()), clock));
    private final SignInUseCase signIns = admission.admittedSignIns(new SignInService(users, hasher,
            new SessionIssuer(new InMemorySessionRepository(), new FakeAccessTokens(clock), new RefreshPolicy(Duration.ofDays(14), Duration.ofSeconds(10)), clock),
            throttle, ThrottlePolicy.standard(), new RecordingSignInAudit(), Emails.ADDRESSES, false, clock));
    private Disposable otherClient;

    @AfterEach
    void close() {
        if (otherClient != null) {
            otherClient.dispose();
        }
        queue.close();
    }

    private static RegisterUserCommand signUp(String email) {
        return new RegisterUserCommand("Ada", "Lovelace", email, PASSWORD, PASSWORD, "203.0.113.7");
    }

    private static SignInCommand signIn(String email, String password) {
        return new SignInCommand(email, password, "203.0.113.7");
    }

    /** Another client holds the only slot, and with no wait allowed everyone else is refused. */
    private void saturate() {
        otherClient = queue.admit("198.51.100.1", Mono.never()).subscribe();
        assertThat(queue.occupancy().running()).isEqualTo(1);
    }

    @Test
    void holdsOnePlaceThroughEveryQueryAndHashOfARequestAndGivesItBack() {
        assertThat(registrations.register(signUp("ada@example.com")).block()).isInstanceOf(RegistrationResult.Registered.class);
        assertThat(signIns.signIn(signIn("ada@example.com", PASSWORD)).block()).isInstanceOf(SignInResult.SignedIn.class);
        assertThat(signIns.signIn(signIn("ada@example.com", "wrong password")).block()).isInstanceOf(SignInResult.InvalidCredentials.class);

        assertThat(queue.occupancy()).isEqualTo(new PasswordWorkQueue.Occupancy(0, 0));
    }

    @Test
    void refusesASignUpBeforeSpendingAnythingOnItWhenPasswordWorkIsAtCapacity() {
        saturate();

        StepVerifier.create(registrations.register(signUp("ada@example.com"))).expectError(TemporarilyUnavailableException.class).verify();

        assertThat(fakeHasher.hashes()).isZero();
        assertThat(storedUsers.count()).isZero();
    }

    @Test
    void answersAFormItsRulesRefuseAndADuplicateItKnowsWithoutQueueing() {
        registrations.register(signUp("ada@example.com")).block();
        saturate();

        assertThat(registrations.register(signUp("ADA@example.com")).block()).isInstanceOf(RegistrationResult.EmailTaken.class);
        assertThat(registrations.register(signUp("not an email")).block()).isInstanceOf(RegistrationResult.Rejected.class);
        assertThat(signIns.signIn(signIn("", "")).block()).isInstanceOf(SignInResult.Rejected.class);
    }

    @Test
    void refusesASignInBeforeVerifyingWhenPasswordWorkIsAtCapacityAndCountsNoFailure() {
        registrations.register(signUp("ada@example.com")).block();
        saturate();

        StepVerifier.create(signIns.signIn(signIn("ada@example.com", "wrong password"))).expectError(TemporarilyUnavailableException.class).verify();
        StepVerifier.create(signIns.signIn(signIn("not an email", "wrong password"))).expectError(TemporarilyUnavailableException.class).verify();

        assertThat(fakeHasher.verifiedAgainst()).isEmpty();
        assertThat(storedFailures.failures("ada@example.com").blockOptional()).isEmpty();
    }

    @Test
    void givesUpItsPlaceInLineWhenTheClientGoesAway() {
        PasswordWorkQueue patientQueue = new PasswordWorkQueue(new PasswordWorkQueue.Policy(1, Duration.ofSeconds(10), 1.0, Duration.ZERO,
                Duration.ofSeconds(1), Duration.ofMillis(100)));
        PasswordWorkAdmission patient = new PasswordWorkAdmission(patientQueue);
        RegisterUserUseCase waiting = patient.admittedRegistrations(Accounts.registrationOver(
                new RegistrationRules(new PasswordRules(PasswordPolicy.recommended()), Emails.ADDRESSES), users, hasher,
                new FakePasswordStrengthEstimator(), clock));
        Disposable holder = patientQueue.admit("198.51.100.1", Mono.never()).subscribe();

        Disposable request = waiting.register(signUp("grace@example.com")).subscribe();
        assertThat(patientQueue.occupancy()).isEqualTo(new PasswordWorkQueue.Occupancy(1, 1));
        request.dispose();

        assertThat(patientQueue.occupancy()).isEqualTo(new PasswordWorkQueue.Occupancy(1, 0));
        holder.dispose();
        assertThat(patientQueue.occupancy()).isEqualTo(new PasswordWorkQueue.Occupancy(0, 0));
        patientQueue.close();
    }

    @Test
    void letsCallsFromUseCasesThatWereNotAdmittedStraightThrough() {
        saturate();

        assertThat(users.findByEmail(Emails.email("nobody@example.com")).block()).isNull();
    }
}
