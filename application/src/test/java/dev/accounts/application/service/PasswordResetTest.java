package dev.accounts.application.service;

import dev.accounts.application.port.in.MailRequestResult;
import dev.accounts.application.port.in.ResetPasswordUseCase.InvalidToken;
import dev.accounts.application.port.in.ResetPasswordUseCase.PasswordReset;
import dev.accounts.application.port.in.ResetPasswordUseCase.Rejected;
import dev.accounts.application.port.in.SessionTokens;
import dev.accounts.application.port.in.SignInCommand;
import dev.accounts.application.port.in.SignInResult;
import dev.accounts.application.testing.Accounts;
import dev.accounts.domain.messages.AccountMessage.PasswordChanged;
import dev.accounts.domain.messages.AccountMessage.ResetPassword;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static dev.accounts.application.testing.Accounts.BREACHED_PASSWORD;
import static dev.accounts.application.testing.Accounts.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

class PasswordResetTest {

    private static final String NEW_PASSWORD = "a brand new passphrase";

    private final Accounts accounts = new Accounts();

    private String resetToken(String email) {
        assertThat(accounts.requestPasswordReset.request(email).block()).isInstanceOf(MailRequestResult.Accepted.class);
        return accounts.latestToken(email, ResetPassword.class);
    }

    private SignInResult signIn(String password) {
        return accounts.signIn.signIn(new SignInCommand("ada@example.com", password, "203.0.113.7")).block();
    }

    @Test
    void aResetSetsTheNewPasswordEndsEverySessionClearsTheThrottleAndTellsTheOwner() {
        accounts.register("ada@example.com");
        SessionTokens session = accounts.signIn("ada@example.com", PASSWORD);
        signIn("a wrong guess here");
        String token = resetToken("ada@example.com");

        assertThat(accounts.resetPassword.reset(token, NEW_PASSWORD, NEW_PASSWORD).block()).isInstanceOf(PasswordReset.class);

        assertThat(accounts.currentUser.currentUser(session.access().value()).block()).isNull();
        assertThat(accounts.throttle.failures("ada@example.com").block()).isNull();
        assertThat(signIn(PASSWORD)).isInstanceOf(SignInResult.InvalidCredentials.class);
        assertThat(signIn(NEW_PASSWORD)).isInstanceOf(SignInResult.SignedIn.class);
        assertThat(accounts.mailTo("ada@example.com", PasswordChanged.class)).hasSize(1);
        assertThat(accounts.users.findByEmail("ada@example.com").orElseThrow().isEmailVerified()).as("the link proved the address").isTrue();
    }

    @Test
    void aTokenWorksOnceOnlyAndNotAfterHalfAnHour() {
        accounts.register("ada@example.com");
        String used = resetToken("ada@example.com");
        accounts.resetPassword.reset(used, NEW_PASSWORD, NEW_PASSWORD).block();
        String expired = resetToken("ada@example.com");
        accounts.clock.advance(Duration.ofMinutes(30).plusSeconds(1));

        assertThat(accounts.resetPassword.reset(used, NEW_PASSWORD, NEW_PASSWORD).block()).isInstanceOf(InvalidToken.class);
        assertThat(accounts.resetPassword.reset(expired, NEW_PASSWORD, NEW_PASSWORD).block()).isInstanceOf(InvalidToken.class);
        assertThat(accounts.resetPassword.reset("no such token", NEW_PASSWORD, NEW_PASSWORD).block()).isInstanceOf(InvalidToken.class);
        assertThat(accounts.resetPassword.reset(null, NEW_PASSWORD, NEW_PASSWORD).block()).isInstanceOf(InvalidToken.class);
    }

    @Test
    void theLatestRequestSupersedesEarlierOnes() {
        accounts.register("ada@example.com");
        String earlier = resetToken("ada@example.com");
        String latest = resetToken("ada@example.com");

        assertThat(accounts.resetPassword.reset(earlier, NEW_PASSWORD, NEW_PASSWORD).block()).isInstanceOf(InvalidToken.class);
        assertThat(accounts.resetPassword.reset(latest, NEW_PASSWORD, NEW_PASSWORD).block()).isInstanceOf(PasswordReset.class);
    }

    @Test
    void theSignUpRulesApplyAndARefusedPasswordLeavesTheTokenUsable() {
        accounts.register("ada@example.com");
        String token = resetToken("ada@example.com");

        assertThat(accounts.resetPassword.reset(token, "short", "short").block()).isInstanceOfSatisfying(Rejected.class,
                rejected -> assertThat(rejected.violations()).extracting("code").containsExactly("password.too_short"));
        assertThat(accounts.resetPassword.reset(token, NEW_PASSWORD, "something else").block()).isInstanceOfSatisfying(Rejected.class,
                rejected -> assertThat(rejected.violations()).extracting("code").containsExactly("password.mismatch"));
        assertThat(accounts.resetPassword.reset(token, "my password is weak", "my password is weak").block()).isInstanceOfSatisfying(Rejected.class,
                rejected -> assertThat(rejected.violations()).extracting("code").containsExactly("password.too_weak"));
        assertThat(accounts.resetPassword.reset(token, BREACHED_PASSWORD, BREACHED_PASSWORD).block()).isInstanceOfSatisfying(Rejected.class,
                rejected -> assertThat(rejected.violations()).extracting("code").containsExactly("password.breached"));
        assertThat(accounts.resetPassword.reset(token, "ada-is-in-here-too", "ada-is-in-here-too").block()).isInstanceOfSatisfying(Rejected.class,
                rejected -> assertThat(rejected.violations()).extracting("code").containsExactly("password.contains_email"));

        assertThat(accounts.resetPassword.reset(token, NEW_PASSWORD, NEW_PASSWORD).block()).isInstanceOf(PasswordReset.class);
    }

    @Test
    void anUnknownAddressIsAnsweredAlikeAndMailsNobody() {
        assertThat(accounts.requestPasswordReset.request("nobody@example.com").block()).isInstanceOf(MailRequestResult.Accepted.class);

        assertThat(accounts.mailTo("nobody@example.com", ResetPassword.class)).isEmpty();
        assertThat(accounts.mail.sent()).isEmpty();
    }

    @Test
    void theNewHashIsMadeByTheActiveAlgorithm() {
        accounts.register("ada@example.com");
        accounts.resetPassword.reset(resetToken("ada@example.com"), NEW_PASSWORD, NEW_PASSWORD).block();

        assertThat(accounts.users.findByEmail("ada@example.com").orElseThrow().passwordHash().value())
                .startsWith(dev.accounts.application.testing.FakePasswordHasher.PREFIX);
    }
}
