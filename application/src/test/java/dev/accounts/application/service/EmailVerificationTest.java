package dev.accounts.application.service;

import dev.accounts.application.port.in.MailRequestResult;
import dev.accounts.application.port.in.SignInCommand;
import dev.accounts.application.port.in.SignInResult;
import dev.accounts.application.port.in.VerifyEmailUseCase.Outcome;
import dev.accounts.application.port.out.SignInAudit;
import dev.accounts.application.testing.Accounts;
import dev.accounts.domain.messages.AccountMessage.ResetPassword;
import dev.accounts.domain.messages.AccountMessage.VerifyEmail;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static dev.accounts.application.testing.Accounts.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

class EmailVerificationTest {

    private final Accounts accounts = new Accounts();

    @Test
    void signUpMailsASingleUseLinkThatVerifiesTheAddress() {
        accounts.register("ada@example.com");
        String token = accounts.latestToken("ada@example.com", VerifyEmail.class);

        assertThat(accounts.verifyEmail.verify(token).block()).isEqualTo(Outcome.VERIFIED);
        assertThat(accounts.users.findByEmail("ada@example.com").orElseThrow().emailVerifiedAt()).contains(accounts.clock.instant());
        assertThat(accounts.verifyEmail.verify(token).block()).isEqualTo(Outcome.INVALID_TOKEN);
        assertThat(accounts.currentUser.currentUser(accounts.signIn("ada@example.com", PASSWORD).access().value()).block().emailVerified()).isTrue();
    }

    @Test
    void aNewAccountIsUnverifiedAndItsLinkExpiresAfterADay() {
        accounts.register("ada@example.com");
        String token = accounts.latestToken("ada@example.com", VerifyEmail.class);
        assertThat(accounts.currentUser.currentUser(accounts.signIn("ada@example.com", PASSWORD).access().value()).block().emailVerified()).isFalse();

        accounts.clock.advance(Duration.ofHours(24).plusSeconds(1));

        assertThat(accounts.verifyEmail.verify(token).block()).isEqualTo(Outcome.INVALID_TOKEN);
    }

    @Test
    void refusesGarbageAndTokensOfAnotherPurposeWithoutUsingThemUp() {
        accounts.register("ada@example.com");
        accounts.requestPasswordReset.request("ada@example.com").block();
        String resetToken = accounts.latestToken("ada@example.com", ResetPassword.class);

        assertThat(accounts.verifyEmail.verify(resetToken).block()).isEqualTo(Outcome.INVALID_TOKEN);
        assertThat(accounts.verifyEmail.verify("").block()).isEqualTo(Outcome.INVALID_TOKEN);
        assertThat(accounts.verifyEmail.verify(null).block()).isEqualTo(Outcome.INVALID_TOKEN);
        assertThat(accounts.verifyEmail.verify("x".repeat(10_000)).block()).isEqualTo(Outcome.INVALID_TOKEN);
        assertThat(accounts.tokens.find(dev.accounts.domain.token.SecretToken.presented(resetToken).hash()).block()).isNotNull();
    }

    @Test
    void aResentLinkSupersedesTheEarlierOne() {
        accounts.register("ada@example.com");
        String first = accounts.latestToken("ada@example.com", VerifyEmail.class);

        assertThat(accounts.resendVerification.resend("ADA@example.com").block()).isInstanceOf(MailRequestResult.Accepted.class);
        String second = accounts.latestToken("ada@example.com", VerifyEmail.class);

        assertThat(second).isNotEqualTo(first);
        assertThat(accounts.verifyEmail.verify(first).block()).isEqualTo(Outcome.INVALID_TOKEN);
        assertThat(accounts.verifyEmail.verify(second).block()).isEqualTo(Outcome.VERIFIED);
    }

    @Test
    void resendAnswersAlikeForEveryAddressButMailsOnlyAnUnverifiedAccount() {
        accounts.register("ada@example.com");
        accounts.verifyEmail.verify(accounts.latestToken("ada@example.com", VerifyEmail.class)).block();

        assertThat(accounts.resendVerification.resend("ada@example.com").block()).isInstanceOf(MailRequestResult.Accepted.class);
        assertThat(accounts.resendVerification.resend("nobody@example.com").block()).isInstanceOf(MailRequestResult.Accepted.class);

        assertThat(accounts.mailTo("ada@example.com", VerifyEmail.class)).hasSize(1);
        assertThat(accounts.mailTo("nobody@example.com", VerifyEmail.class)).isEmpty();
    }

    @Test
    void resendRefusesWhatIsNoAddressWithTheSignUpCodes() {
        assertThat(accounts.resendVerification.resend("not an address").block())
                .isInstanceOfSatisfying(MailRequestResult.Rejected.class,
                        rejected -> assertThat(rejected.violations()).extracting("code").containsExactly("email.invalid"));
        assertThat(accounts.resendVerification.resend(null).block())
                .isInstanceOfSatisfying(MailRequestResult.Rejected.class,
                        rejected -> assertThat(rejected.violations()).extracting("code").containsExactly("email.required"));
    }

    @Test
    void anInboxGetsAtMostFiveMessagesAnHourHoweverOftenALinkIsAskedFor() {
        accounts.register("ada@example.com");
        for (int i = 0; i < 10; i++) {
            accounts.resendVerification.resend("ada@example.com").block();
        }
        assertThat(accounts.mailTo("ada@example.com", VerifyEmail.class)).hasSize(5);

        accounts.clock.advance(Duration.ofHours(1).plusSeconds(1));
        accounts.resendVerification.resend("ada@example.com").block();

        assertThat(accounts.mailTo("ada@example.com", VerifyEmail.class)).hasSize(6);
    }

    @Test
    void whenVerificationIsRequiredOnlyTheRightPasswordLearnsTheAddressIsUnverified() {
        Accounts strict = new Accounts(false, true);
        strict.register("ada@example.com");

        assertThat(strict.signIn.signIn(new SignInCommand("ada@example.com", "wrong password!", "203.0.113.7")).block())
                .isInstanceOf(SignInResult.InvalidCredentials.class);
        assertThat(strict.signIn.signIn(new SignInCommand("ada@example.com", PASSWORD, "203.0.113.7")).block())
                .isInstanceOf(SignInResult.EmailUnverified.class);
        assertThat(strict.audit.events()).extracting(SignInAudit.Event::outcome).contains(SignInAudit.Outcome.EMAIL_UNVERIFIED);
        assertThat(strict.sessions.findActiveOf(strict.users.findByEmail("ada@example.com").orElseThrow().id(), strict.clock.instant())
                .collectList().block()).isEmpty();

        strict.verifyEmail.verify(strict.latestToken("ada@example.com", VerifyEmail.class)).block();

        assertThat(strict.signIn.signIn(new SignInCommand("ada@example.com", PASSWORD, "203.0.113.7")).block())
                .isInstanceOf(SignInResult.SignedIn.class);
    }
}
