package dev.accounts.application.service;

import dev.accounts.application.port.in.AccountChangeResult;
import dev.accounts.application.port.in.AccountChangeResult.Done;
import dev.accounts.application.port.in.AccountChangeResult.NotSignedIn;
import dev.accounts.application.port.in.AccountChangeResult.Rejected;
import dev.accounts.application.port.in.AccountChangeResult.SessionMismatch;
import dev.accounts.application.port.in.AccountChangeResult.Throttled;
import dev.accounts.application.port.in.AccountChangeResult.WrongPassword;
import dev.accounts.application.port.in.AccountCommand;
import dev.accounts.application.port.in.RegistrationResult;
import dev.accounts.application.port.in.RegisterUserCommand;
import dev.accounts.application.port.in.SessionTokens;
import dev.accounts.application.port.in.SignInCommand;
import dev.accounts.application.port.in.SignInResult;
import dev.accounts.application.port.in.SignOutUseCase.AccessTokenSignOut;
import dev.accounts.application.testing.Accounts;
import dev.accounts.domain.messages.AccountMessage.PasswordChanged;
import dev.accounts.domain.session.SessionId;
import dev.accounts.domain.user.User;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static dev.accounts.application.testing.Accounts.BREACHED_PASSWORD;
import static dev.accounts.application.testing.Accounts.PASSWORD;
import static dev.accounts.application.testing.Accounts.commandOf;
import static org.assertj.core.api.Assertions.assertThat;

class SignedInAccountTest {

    private static final String NEW_PASSWORD = "a brand new passphrase";

    private final Accounts accounts = new Accounts();
    private final SessionTokens here;
    private final SessionTokens elsewhere;

    SignedInAccountTest() {
        accounts.register("ada@example.com");
        here = accounts.signIn("ada@example.com", PASSWORD);
        elsewhere = accounts.signIn("ada@example.com", PASSWORD);
    }

    private boolean isActive(SessionTokens tokens) {
        return accounts.currentUser.currentUser(tokens.access().value()).block() != null;
    }

    private User ada() {
        return accounts.users.findByEmail("ada@example.com").orElseThrow();
    }

    @Test
    void changingThePasswordEndsEveryOtherSessionAndTellsTheOwner() {
        assertThat(accounts.changePassword.change(commandOf(here), PASSWORD, NEW_PASSWORD, NEW_PASSWORD).block()).isInstanceOf(Done.class);

        assertThat(isActive(here)).isTrue();
        assertThat(isActive(elsewhere)).isFalse();
        assertThat(accounts.signIn.signIn(new SignInCommand("ada@example.com", NEW_PASSWORD, "203.0.113.7")).block()).isInstanceOf(SignInResult.SignedIn.class);
        assertThat(accounts.mailTo("ada@example.com", PasswordChanged.class)).hasSize(1);
    }

    @Test
    void changingThePasswordCancelsAResetLinkWaitingInTheMailbox() {
        accounts.requestPasswordReset.request("ada@example.com").block();
        String link = accounts.latestToken("ada@example.com", dev.accounts.domain.messages.AccountMessage.ResetPassword.class);

        accounts.changePassword.change(commandOf(here), PASSWORD, NEW_PASSWORD, NEW_PASSWORD).block();

        assertThat(accounts.resetPassword.reset(link, "another fine passphrase", "another fine passphrase").block())
                .isInstanceOf(dev.accounts.application.port.in.ResetPasswordUseCase.InvalidToken.class);
    }

    @Test
    void theOwnerIsToldOfEveryChangeHoweverManyMessagesCameBefore() {
        for (int i = 0; i < 10; i++) {
            accounts.resendVerification.resend("ada@example.com").block();
        }

        accounts.changePassword.change(commandOf(here), PASSWORD, NEW_PASSWORD, NEW_PASSWORD).block();

        assertThat(accounts.mailTo("ada@example.com", PasswordChanged.class)).hasSize(1);
    }

    @Test
    void aWrongCurrentPasswordCountsAgainstTheSignInThrottle() {
        AccountChangeResult result = null;
        for (int i = 0; i < 6; i++) {
            result = accounts.changePassword.change(commandOf(here), "not my password", NEW_PASSWORD, NEW_PASSWORD).block();
        }

        assertThat(result).isInstanceOf(Throttled.class);
        assertThat(accounts.throttle.failures("ada@example.com").block().consecutiveFailures()).isGreaterThanOrEqualTo(5);
        assertThat(accounts.changePassword.change(commandOf(here), "not my password", NEW_PASSWORD, NEW_PASSWORD).block())
                .isInstanceOf(Throttled.class);
        assertThat(accounts.signIn.signIn(new SignInCommand("ada@example.com", PASSWORD, "203.0.113.7")).block())
                .isInstanceOf(SignInResult.Throttled.class);
    }

    @Test
    void aWrongCurrentPasswordChangesNothing() {
        assertThat(accounts.changePassword.change(commandOf(here), "not my password", NEW_PASSWORD, NEW_PASSWORD).block())
                .isEqualTo(new WrongPassword("currentPassword"));
        assertThat(isActive(elsewhere)).isTrue();
        assertThat(accounts.changePassword.change(commandOf(here), "", NEW_PASSWORD, NEW_PASSWORD).block())
                .isInstanceOfSatisfying(Rejected.class, rejected -> assertThat(rejected.violations()).extracting("code")
                        .containsExactly("currentPassword.required"));
    }

    @Test
    void theNewPasswordMeetsTheSignUpRules() {
        assertThat(accounts.changePassword.change(commandOf(here), PASSWORD, BREACHED_PASSWORD, BREACHED_PASSWORD).block())
                .isInstanceOfSatisfying(Rejected.class, rejected -> assertThat(rejected.violations()).extracting("code")
                        .containsExactly("password.breached"));
        assertThat(accounts.changePassword.change(commandOf(here), PASSWORD, "short", "shirt").block())
                .isInstanceOfSatisfying(Rejected.class, rejected -> assertThat(rejected.violations()).extracting("code")
                        .containsExactly("password.too_short", "password.mismatch"));
        assertThat(accounts.hasher.hashes()).as("nothing hashed for refused passwords").isEqualTo(1);
    }

    @Test
    void aCommandNeedsACurrentSessionAndACsrfTokenOfTheSameSession() {
        AccountCommand foreignCsrf = new AccountCommand(here.access().value(), Optional.of(SessionId.random()), "203.0.113.7");
        AccountCommand bearer = new AccountCommand(here.access().value(), Optional.empty(), "203.0.113.7");

        assertThat(accounts.changePassword.change(foreignCsrf, PASSWORD, NEW_PASSWORD, NEW_PASSWORD).block()).isInstanceOf(SessionMismatch.class);
        assertThat(accounts.deleteAccount.delete(new AccountCommand("forged", Optional.empty(), "x"), PASSWORD).block()).isInstanceOf(NotSignedIn.class);
        assertThat(accounts.deleteAccount.delete(new AccountCommand(null, Optional.empty(), "x"), PASSWORD).block()).isInstanceOf(NotSignedIn.class);
        assertThat(accounts.signOutEverywhere.signOutEverywhere(foreignCsrf).block()).isEqualTo(AccessTokenSignOut.SESSION_MISMATCH);
        assertThat(accounts.signOutEverywhere.signOutEverywhere(bearer).block()).isEqualTo(AccessTokenSignOut.SIGNED_OUT);
        assertThat(accounts.signOutEverywhere.signOutEverywhere(bearer).block()).isEqualTo(AccessTokenSignOut.NOT_SIGNED_IN);
    }

    @Test
    void signingOutEverywhereEndsEverySession() {
        assertThat(accounts.signOutEverywhere.signOutEverywhere(commandOf(here)).block()).isEqualTo(AccessTokenSignOut.SIGNED_OUT);

        assertThat(isActive(here)).isFalse();
        assertThat(isActive(elsewhere)).isFalse();
    }

    @Test
    void deletingTheAccountRemovesEverythingKeptAboutItAndFreesTheAddress() {
        User ada = ada();
        accounts.requestPasswordReset.request("ada@example.com").block();
        accounts.signIn.signIn(new SignInCommand("ada@example.com", "a wrong guess here", "203.0.113.7")).block();

        assertThat(accounts.deleteAccount.delete(commandOf(here), PASSWORD).block()).isInstanceOf(Done.class);

        assertThat(accounts.users.findById(ada.id()).block()).isNull();
        assertThat(accounts.sessions.findActiveOf(ada.id(), accounts.clock.instant()).collectList().block()).isEmpty();
        assertThat(accounts.sessions.findById(here.session()).block()).isNull();
        assertThat(accounts.outbox.waiting()).isZero();
        assertThat(accounts.throttle.failures("ada@example.com").block()).isNull();
        assertThat(isActive(elsewhere)).isFalse();
        assertThat(accounts.registration.register(new RegisterUserCommand("Ada", "Again", "ada@example.com", PASSWORD, PASSWORD, "x")).block())
                .isInstanceOf(RegistrationResult.Registered.class);
    }

    @Test
    void deletingNeedsThePassword() {
        assertThat(accounts.deleteAccount.delete(commandOf(here), "not my password").block()).isEqualTo(new WrongPassword("password"));
        assertThat(accounts.deleteAccount.delete(commandOf(here), null).block()).isInstanceOf(Rejected.class);

        assertThat(accounts.users.findById(ada().id()).block()).isNotNull();
        assertThat(isActive(here)).isTrue();
    }
}
