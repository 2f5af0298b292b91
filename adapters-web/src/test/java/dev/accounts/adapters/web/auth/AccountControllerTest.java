package dev.accounts.adapters.web.auth;

import dev.accounts.adapters.web.WebSliceTest;
import dev.accounts.application.port.in.AccountChangeResult;
import dev.accounts.application.port.in.AccountCommand;
import dev.accounts.application.port.in.MailRequestResult;
import dev.accounts.application.port.in.ResetPasswordUseCase;
import dev.accounts.application.port.in.SignInResult;
import dev.accounts.application.port.in.SignOutUseCase.AccessTokenSignOut;
import dev.accounts.application.port.in.VerifyEmailUseCase.Outcome;
import dev.accounts.domain.session.SessionId;
import dev.accounts.domain.validation.Violation;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

class AccountControllerTest extends WebSliceTest {

    private final CsrfTokens csrfTokens = new CsrfTokens("0123456789abcdef0123456789abcdef".getBytes());
    private final SessionId session = SessionId.random();

    @Test
    void verifiesAnAddressAndRefusesABadTokenWithOneCode() {
        when(verifyEmail.verify("good")).thenReturn(Mono.just(Outcome.VERIFIED));
        when(verifyEmail.verify("used")).thenReturn(Mono.just(Outcome.INVALID_TOKEN));

        client.post().uri("/users/verify-email").contentType(MediaType.APPLICATION_JSON).bodyValue("{\"token\":\"good\"}").exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.successStatus").isEqualTo(true);
        client.post().uri("/users/verify-email").contentType(MediaType.APPLICATION_JSON).bodyValue("{\"token\":\"used\"}").exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.errors[0].code").isEqualTo("token.invalid").jsonPath("$.errors[0].field").isEqualTo("token");
    }

    @Test
    void answersEveryRequestForALinkWith202AndTheSameBody() {
        when(resendVerification.resend(anyString())).thenReturn(Mono.just(new MailRequestResult.Accepted()));
        when(requestPasswordReset.request(anyString())).thenReturn(Mono.just(new MailRequestResult.Accepted()));

        String resend = client.post().uri("/users/verify-email/resend").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"email\":\"ada@example.com\"}").exchange().expectStatus().isAccepted().expectBody(String.class).returnResult().getResponseBody();
        String reset = client.post().uri("/auth/password-reset").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"email\":\"nobody@example.com\"}").exchange().expectStatus().isAccepted().expectBody(String.class).returnResult().getResponseBody();

        assertThat(resend).isEqualTo(reset).contains("\"successStatus\":true");
    }

    @Test
    void refusesWhatIsNoAddress() {
        when(requestPasswordReset.request(any())).thenReturn(Mono.just(new MailRequestResult.Rejected(
                List.of(new Violation("email", "email.invalid", "Email must be a valid email address.")))));

        client.post().uri("/auth/password-reset").contentType(MediaType.APPLICATION_JSON).bodyValue("{\"email\":\"nope\"}").exchange()
                .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].code").isEqualTo("email.invalid");
    }

    @Test
    void mapsEveryResetOutcome() {
        when(resetPassword.reset("t", "p", "p")).thenReturn(Mono.just(new ResetPasswordUseCase.PasswordReset()));
        when(resetPassword.reset("gone", "p", "p")).thenReturn(Mono.just(new ResetPasswordUseCase.InvalidToken()));
        when(resetPassword.reset("t", "weak", "weak")).thenReturn(Mono.just(new ResetPasswordUseCase.Rejected(
                List.of(new Violation("password", "password.breached", "Breached.")))));

        client.post().uri("/auth/password-reset/confirm").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"token\":\"t\",\"password\":\"p\",\"confirmPassword\":\"p\"}").exchange().expectStatus().isOk();
        client.post().uri("/auth/password-reset/confirm").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"token\":\"gone\",\"password\":\"p\",\"confirmPassword\":\"p\"}").exchange()
                .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].code").isEqualTo("token.invalid");
        client.post().uri("/auth/password-reset/confirm").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"token\":\"t\",\"password\":\"weak\",\"confirmPassword\":\"weak\"}").exchange()
                .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].code").isEqualTo("password.breached");
    }

    @Test
    void aCookieSignedChangeNeedsTheCsrfTokenAndPassesItsSessionOn() {
        when(changePassword.change(any(), anyString(), anyString(), anyString())).thenReturn(Mono.just(new AccountChangeResult.Done()));
        String body = "{\"currentPassword\":\"old\",\"password\":\"new\",\"confirmPassword\":\"new\"}";

        client.post().uri("/users/me/password").cookie("__Host-access_token", "access").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body).exchange()
                .expectStatus().isForbidden().expectBody().jsonPath("$.errors[0].code").isEqualTo("csrf.token_invalid");
        verify(changePassword, never()).change(any(), anyString(), anyString(), anyString());

        client.post().uri("/users/me/password").cookie("__Host-access_token", "access").header("X-CSRF-Token", csrfTokens.issue(session))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange().expectStatus().isOk();

        ArgumentCaptor<AccountCommand> command = ArgumentCaptor.forClass(AccountCommand.class);
        verify(changePassword).change(command.capture(), any(), any(), any());
        assertThat(command.getValue().accessToken()).isEqualTo("access");
        assertThat(command.getValue().csrfSession()).contains(session);
    }

    @Test
    void aBearerProgramNeedsNoCsrfToken() {
        when(changePassword.change(any(), anyString(), anyString(), anyString())).thenReturn(Mono.just(new AccountChangeResult.Done()));

        client.post().uri("/users/me/password").header(HttpHeaders.AUTHORIZATION, "Bearer access").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"currentPassword\":\"old\",\"password\":\"new\",\"confirmPassword\":\"new\"}").exchange().expectStatus().isOk();

        ArgumentCaptor<AccountCommand> command = ArgumentCaptor.forClass(AccountCommand.class);
        verify(changePassword).change(command.capture(), any(), any(), any());
        assertThat(command.getValue().csrfSession()).isEmpty();
    }

    @Test
    void mapsEveryRefusalOfAChange() {
        String body = "{\"currentPassword\":\"old\",\"password\":\"new\",\"confirmPassword\":\"new\"}";
        when(changePassword.change(any(), anyString(), anyString(), anyString()))
                .thenReturn(Mono.just(new AccountChangeResult.WrongPassword("currentPassword")))
                .thenReturn(Mono.just(new AccountChangeResult.Throttled(Duration.ofSeconds(4))))
                .thenReturn(Mono.just(new AccountChangeResult.NotSignedIn()))
                .thenReturn(Mono.just(new AccountChangeResult.SessionMismatch()));

        client.post().uri("/users/me/password").header(HttpHeaders.AUTHORIZATION, "Bearer a").contentType(MediaType.APPLICATION_JSON).bodyValue(body)
                .exchange().expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].code").isEqualTo("currentPassword.incorrect")
                .jsonPath("$.type").isEqualTo("urn:accounts:problem:current-password-incorrect");
        client.post().uri("/users/me/password").header(HttpHeaders.AUTHORIZATION, "Bearer a").contentType(MediaType.APPLICATION_JSON).bodyValue(body)
                .exchange().expectStatus().isEqualTo(429).expectHeader().valueEquals(HttpHeaders.RETRY_AFTER, "4");
        client.post().uri("/users/me/password").header(HttpHeaders.AUTHORIZATION, "Bearer a").contentType(MediaType.APPLICATION_JSON).bodyValue(body)
                .exchange().expectStatus().isUnauthorized().expectHeader().exists(HttpHeaders.WWW_AUTHENTICATE);
        client.post().uri("/users/me/password").header(HttpHeaders.AUTHORIZATION, "Bearer a").contentType(MediaType.APPLICATION_JSON).bodyValue(body)
                .exchange().expectStatus().isForbidden();
        client.post().uri("/users/me/password").contentType(MediaType.APPLICATION_JSON).bodyValue(body)
                .exchange().expectStatus().isUnauthorized();
    }

    @Test
    void signingOutEverywhereAndDeletingClearTheCookies() {
        when(signOutEverywhere.signOutEverywhere(any())).thenReturn(Mono.just(AccessTokenSignOut.SIGNED_OUT));
        when(deleteAccount.delete(any(), any())).thenReturn(Mono.just(new AccountChangeResult.Done()));

        client.post().uri("/auth/logout-everywhere").cookie("__Host-access_token", "access").header("X-CSRF-Token", csrfTokens.issue(session))
                .exchange().expectStatus().isOk()
                .expectHeader().values(HttpHeaders.SET_COOKIE, cookies -> assertThat(cookies).hasSize(3).allMatch(cookie -> cookie.contains("Max-Age=0")));
        client.delete().uri("/users/me").cookie("__Host-access_token", "access").header("X-CSRF-Token", csrfTokens.issue(session))
                .header(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_JSON_VALUE).exchange()
                .expectStatus().isBadRequest();
        client.method(org.springframework.http.HttpMethod.DELETE).uri("/users/me").cookie("__Host-access_token", "access")
                .header("X-CSRF-Token", csrfTokens.issue(session)).contentType(MediaType.APPLICATION_JSON).bodyValue("{\"password\":\"pw\"}")
                .exchange().expectStatus().isOk()
                .expectHeader().values(HttpHeaders.SET_COOKIE, cookies -> assertThat(cookies).hasSize(3).allMatch(cookie -> cookie.contains("Max-Age=0")));
        verify(deleteAccount).delete(any(), org.mockito.ArgumentMatchers.eq("pw"));
    }

    @Test
    void anUnverifiedAddressIsRefusedSignInWithItsOwnCode() {
        when(signIn.signIn(any())).thenReturn(Mono.just(new SignInResult.EmailUnverified()));

        client.post().uri("/auth/login").contentType(MediaType.APPLICATION_JSON).bodyValue("{\"email\":\"a@example.com\",\"password\":\"x\"}")
                .exchange().expectStatus().isForbidden()
                .expectHeader().doesNotExist(HttpHeaders.SET_COOKIE)
                .expectBody().jsonPath("$.errors[0].code").isEqualTo("auth.email_unverified");
    }

    @Test
    void theProfileSaysWhetherTheAddressIsVerified() {
        when(currentUser.currentUser("access")).thenReturn(Mono.just(new dev.accounts.application.port.in.UserProfile(
                dev.accounts.domain.user.UserId.random(), "ada@example.com", "Ada", null, true)));

        client.get().uri("/users/me").header(HttpHeaders.AUTHORIZATION, "Bearer access").exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.user.emailVerified").isEqualTo(true);
        verify(signOut, never()).signOutAccessToken(any(), any(Optional.class));
    }
}
