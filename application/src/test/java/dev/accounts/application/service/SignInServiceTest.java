package dev.accounts.application.service;

import dev.accounts.application.port.in.SignInCommand;
import dev.accounts.application.port.in.SignInResult.InvalidCredentials;
import dev.accounts.application.port.in.SignInResult.SignedIn;
import dev.accounts.application.port.in.SignInResult.Throttled;
import dev.accounts.application.port.in.SignInResult;
import dev.accounts.application.port.out.SignInAudit;
import dev.accounts.application.testing.FakeAccessTokens;
import dev.accounts.application.testing.FakePasswordHasher;
import dev.accounts.application.testing.InMemorySessionRepository;
import dev.accounts.application.testing.InMemorySignInThrottle;
import dev.accounts.application.testing.InMemoryUserRepository;
import dev.accounts.application.testing.MutableClock;
import dev.accounts.application.testing.RecordingSignInAudit;
import dev.accounts.domain.credentials.Password;
import dev.accounts.domain.credentials.PasswordHash;
import dev.accounts.domain.session.RefreshPolicy;
import dev.accounts.domain.signin.ThrottlePolicy;
import dev.accounts.domain.testing.Emails;
import dev.accounts.domain.user.PersonName;
import dev.accounts.domain.user.User;
import dev.accounts.domain.validation.Violation;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class SignInServiceTest {

    private static final String EMAIL = "ada@example.com";
    private static final String PASSWORD = "tangerine otter kayak mosaic";

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-26T10:00:00Z"));
    private final InMemoryUserRepository users = new InMemoryUserRepository();
    private final FakePasswordHasher hasher = new FakePasswordHasher();
    private final InMemorySignInThrottle throttle = new InMemorySignInThrottle();
    private final InMemorySessionRepository sessionStore = new InMemorySessionRepository();
    private final RecordingSignInAudit audit = new RecordingSignInAudit();
    private final SessionIssuer sessions = new SessionIssuer(sessionStore, new FakeAccessTokens(clock),
            new RefreshPolicy(Duration.ofDays(14), Duration.ofSeconds(10)), clock);
    private final SignInService service = new SignInService(users, hasher, sessions, throttle, ThrottlePolicy.standard(), audit, Emails.ADDRESSES, false, clock);
    private User ada;

    @BeforeEach
    void registerAda() {
        PasswordHash hash = hasher.hash(Password.normalise(PASSWORD)).block();
        ada = User.register(Emails.email(EMAIL), new PersonName("Ada", null), hash, clock);
        users.insert(ada).block();
    }

    private SignInResult signIn(String email, String password) {
        return service.signIn(new SignInCommand(email, password, "203.0.113.7")).block();
    }

    @Test
    void signsInWithTheRightPasswordInAnyEmailCase() {
        SignInResult result = signIn("ADA@example.com", PASSWORD);

        assertThat(result).isInstanceOfSatisfying(SignedIn.class, signedIn -> {
            assertThat(signedIn.user().id()).isEqualTo(ada.id());
            assertThat(signedIn.user().email()).isEqualTo(EMAIL);
            assertThat(signedIn.tokens().sessionExpiresAt()).isEqualTo(clock.instant().plus(Duration.ofDays(14)));
            assertThat(sessionStore.findByToken(signedIn.tokens().refresh().hash()).block()).isNotNull();
        });
        assertThat(audit.events()).containsExactly(new SignInAudit.Event(SignInAudit.Outcome.SUCCESS, ada.id(), "203.0.113.7"));
    }

    @Test
    void answersAnUnknownEmailAndAWrongPasswordAlikeWithOneVerificationEach() {
        SignInResult wrongPassword = signIn(EMAIL, "wrong password entirely");
        SignInResult unknownEmail = signIn("nobody@example.com", PASSWORD);

        assertThat(wrongPassword).isEqualTo(unknownEmail).isInstanceOf(InvalidCredentials.class);
        assertThat(hasher.verifiedAgainst()).hasSize(2);
        assertThat(hasher.verifiedAgainst().get(0)).isEqualTo(ada.passwordHash());
        assertThat(hasher.verifiedAgainst().get(1)).isEqualTo(hasher.dummyHash());
        // The dummy hash is made with the active algorithm, so both verifications cost the same.
        assertThat(hasher.dummyHash().value()).startsWith(FakePasswordHasher.PREFIX);
        assertThat(ada.passwordHash().value()).startsWith(FakePasswordHasher.PREFIX);
    }

    @Test
    void spendsTheSameVerificationOnTextThatIsNoEmail() {
        assertThat(signIn("not an email", PASSWORD)).isInstanceOf(InvalidCredentials.class);

        assertThat(hasher.verifiedAgainst()).containsExactly(hasher.dummyHash());
    }

    @Test
    void rejectsAFormWithoutEmailOrPasswordOrWithAnUnencodablePasswordWithoutTryingIt() {
        assertThat(signIn(null, null)).isInstanceOfSatisfying(SignInResult.Rejected.class, rejected -> assertThat(rejected.violations())
                .extracting(Violation::code).containsExactly("email.required", "password.required"));
        assertThat(signIn(EMAIL, "half a pair \uD800")).isInstanceOfSatisfying(SignInResult.Rejected.class, rejected -> assertThat(rejected.violations())
                .extracting(Violation::code).containsExactly("password.invalid"));

        assertThat(hasher.verifiedAgainst()).isEmpty();
    }

    @Test
    void throttlesAfterFiveConsecutiveFailuresWithoutVerifying() {
        for (int i = 0; i < 5; i++) {
            assertThat(signIn(EMAIL, "wrong password " + i)).isInstanceOf(InvalidCredentials.class);
        }
        int verificationsBefore = hasher.verifiedAgainst().size();

        SignInResult sixth = signIn(EMAIL, PASSWORD);

        assertThat(sixth).isEqualTo(new Throttled(Duration.ofSeconds(1)));
        assertThat(hasher.verifiedAgainst()).hasSize(verificationsBefore);
        assertThat(audit.events().getLast().outcome()).isEqualTo(SignInAudit.Outcome.THROTTLED);
    }

    @Test
    void doublesTheWaitAfterEachFurtherFailureAndResetsOnSuccess() {
        for (int i = 0; i < 5; i++) {
            signIn(EMAIL, "wrong");
        }
        clock.advance(Duration.ofSeconds(1));
        assertThat(signIn(EMAIL, "wrong")).isInstanceOf(InvalidCredentials.class);
        assertThat(signIn(EMAIL, PASSWORD)).isEqualTo(new Throttled(Duration.ofSeconds(2)));

        clock.advance(Duration.ofSeconds(2));
        assertThat(signIn(EMAIL, PASSWORD)).isInstanceOf(SignedIn.class);
        assertThat(signIn(EMAIL, "wrong")).isInstanceOf(InvalidCredentials.class);
        assertThat(throttle.failures("ada@example.com").block().consecutiveFailures()).isEqualTo(1);
    }

    @Test
    void throttlesAnEmailNoAccountHasJustTheSame() {
        for (int i = 0; i < 5; i++) {
            signIn("ghost@example.com", "guess " + i);
        }

        assertThat(signIn("Ghost@Example.com", "guess")).isEqualTo(new Throttled(Duration.ofSeconds(1)));
    }

    @Test
    void rehashesAPasswordStoredUnderOlderSettings() {
        User legacy = User.register(Emails.email("legacy@example.com"), PersonName.NONE, FakePasswordHasher.legacyHashOf(PASSWORD), clock);
        users.insert(legacy).block();

        assertThat(signIn("legacy@example.com", PASSWORD)).isInstanceOf(SignedIn.class);

        assertThat(users.findByEmail("legacy@example.com").orElseThrow().passwordHash().value()).startsWith(FakePasswordHasher.PREFIX);
        assertThat(signIn("legacy@example.com", PASSWORD)).isInstanceOf(SignedIn.class);
    }

    @Test
    void leavesACurrentHashAlone() {
        signIn(EMAIL, PASSWORD);

        assertThat(users.findByEmail(EMAIL).orElseThrow().passwordHash()).isEqualTo(ada.passwordHash());
    }
}
