package dev.accounts.adapters.web.auth;

import dev.accounts.adapters.web.WebSliceTest;
import dev.accounts.application.port.in.RefreshSessionUseCase;
import dev.accounts.application.port.in.SessionTokens;
import dev.accounts.application.port.in.SignInResult;
import dev.accounts.application.port.in.UserProfile;
import dev.accounts.application.port.out.AccessTokens.AccessToken;
import dev.accounts.application.port.out.TemporarilyUnavailableException;
import dev.accounts.domain.session.SessionId;
import dev.accounts.domain.token.SecretToken;
import dev.accounts.domain.user.UserId;
import dev.accounts.domain.validation.Violation;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.json.JsonCompareMode;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

class AuthControllerTest extends WebSliceTest {

    private static final String LOGIN = "{\"email\":\"ada@example.com\",\"password\":\"tangerine otter kayak mosaic\"}";
    private final CsrfTokens csrfTokens = new CsrfTokens("0123456789abcdef0123456789abcdef".getBytes());
    private final SessionId session = SessionId.random();
    private final SessionTokens tokens = new SessionTokens(new AccessToken("header.payload.signature", Instant.now().plus(Duration.ofMinutes(15))),
            SecretToken.random(), session, Instant.now().plus(Duration.ofDays(14)));

    private void signInSucceeds() {
        when(signIn.signIn(any())).thenReturn(Mono.just(new SignInResult.SignedIn(
                new UserProfile(UserId.random(), "ada@example.com", "Ada", null, false), tokens)));
    }

    @Test
    void setsTheThreeCookiesExactlyAndKeepsTokensOutOfTheBody() {
        signInSucceeds();

        var result = client.post().uri("/auth/login").contentType(MediaType.APPLICATION_JSON).bodyValue(LOGIN).exchange()
                .expectStatus().isOk()
                .expectHeader().cacheControl(org.springframework.http.CacheControl.noStore())
                .expectBody(String.class).returnResult();

        List<String> cookies = result.getResponseHeaders().get(HttpHeaders.SET_COOKIE);
        assertThat(cookies).anySatisfy(cookie -> assertThat(cookie)
                .startsWith("__Host-access_token=header.payload.signature;")
                .contains("Path=/;", "Max-Age=900", "Secure", "HttpOnly", "SameSite=Lax").doesNotContain("Domain"));
        assertThat(cookies).anySatisfy(cookie -> assertThat(cookie)
                .startsWith("__Secure-refresh_token=" + tokens.refresh().value() + ";")
                .contains("Path=/auth;", "Secure", "HttpOnly", "SameSite=Lax").doesNotContain("Domain"));
        assertThat(cookies).anySatisfy(cookie -> assertThat(cookie)
                .startsWith("__Host-csrf_token=" + csrfTokens.issue(session) + ";")
                .contains("Path=/;", "Secure", "SameSite=Lax").doesNotContain("HttpOnly", "Domain"));
        assertThat(result.getResponseBody()).contains("\"successStatus\":true", "\"user\":{\"userId\"")
                .doesNotContain("header.payload.signature", tokens.refresh().value(), csrfTokens.issue(session));
    }

    @Test
    void answers401AlikeForEveryCredentialFailure() {
        when(signIn.signIn(any())).thenReturn(Mono.just(new SignInResult.InvalidCredentials()));

        client.post().uri("/auth/login").contentType(MediaType.APPLICATION_JSON).bodyValue(LOGIN).exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().doesNotExist(HttpHeaders.SET_COOKIE)
                .expectBody().jsonPath("$.errors[0].code").isEqualTo("auth.invalid_credentials")
                .jsonPath("$.successStatus").isEqualTo(false);
    }

    @Test
    void answers429WithRetryAfterWhenThrottled() {
        when(signIn.signIn(any())).thenReturn(Mono.just(new SignInResult.Throttled(Duration.ofMillis(1500))));

        client.post().uri("/auth/login").contentType(MediaType.APPLICATION_JSON).bodyValue(LOGIN).exchange()
                .expectStatus().isEqualTo(HttpStatus.TOO_MANY_REQUESTS)
                .expectHeader().valueEquals(HttpHeaders.RETRY_AFTER, "2")
                .expectBody().jsonPath("$.errors[0].code").isEqualTo("auth.throttled");
    }

    @Test
    void answers503WithRetryAfterWhenPasswordWorkIsAtCapacity() {
        when(signIn.signIn(any())).thenReturn(Mono.error(new TemporarilyUnavailableException("at capacity", Duration.ofSeconds(1))));

        client.post().uri("/auth/login").contentType(MediaType.APPLICATION_JSON).bodyValue(LOGIN).exchange()
                .expectStatus().isEqualTo(HttpStatus.SERVICE_UNAVAILABLE)
                .expectHeader().valueEquals(HttpHeaders.RETRY_AFTER, "1")
                .expectHeader().valueEquals(HttpHeaders.CACHE_CONTROL, "no-store")
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.status").isEqualTo(503).jsonPath("$.instance").isEqualTo("/auth/login");
    }

    @Test
    void answers400ListingWhatTheSignInFormLacks() {
        when(signIn.signIn(any())).thenReturn(Mono.just(new SignInResult.Rejected(List.of(
                new Violation("email", "email.required", "Email is required."),
                new Violation("password", "password.required", "Password is required.")))));

        client.post().uri("/auth/login").contentType(MediaType.APPLICATION_JSON).bodyValue("{}").exchange()
                .expectStatus().isBadRequest()
                .expectHeader().valueEquals(HttpHeaders.CACHE_CONTROL, "no-store")
                .expectBody().jsonPath("$.errors.length()").isEqualTo(2)
                .jsonPath("$.errors[0].code").isEqualTo("email.required");
    }

    @Test
    void refusesCrossSiteAndForeignOriginStateChanges() {
        client.post().uri("/auth/login").contentType(MediaType.APPLICATION_JSON).header("Sec-Fetch-Site", "cross-site").bodyValue(LOGIN)
                .exchange().expectStatus().isForbidden()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.errors[0].code").isEqualTo("csrf.origin_rejected");
        client.post().uri("/users/register").contentType(MediaType.APPLICATION_JSON).header(HttpHeaders.ORIGIN, "https://evil.example")
                .bodyValue("{}").exchange().expectStatus().isForbidden();
        client.post().uri("/auth/login").contentType(MediaType.APPLICATION_JSON).header(HttpHeaders.ORIGIN, "null").bodyValue(LOGIN)
                .exchange().expectStatus().isForbidden();
        verify(signIn, never()).signIn(any());
    }

    @Test
    void letsSameOriginAllowedOriginAndNonBrowserRequestsThrough() {
        signInSucceeds();

        client.post().uri("/auth/login").contentType(MediaType.APPLICATION_JSON).header(HttpHeaders.ORIGIN, "https://app.example.com")
                .header("Sec-Fetch-Site", "same-site").bodyValue(LOGIN).exchange().expectStatus().isOk();
        client.post().uri("http://localhost:8080/auth/login").contentType(MediaType.APPLICATION_JSON)
                .header(HttpHeaders.ORIGIN, "http://localhost:8080").bodyValue(LOGIN).exchange().expectStatus().isOk();
        client.post().uri("/auth/login").contentType(MediaType.APPLICATION_JSON).bodyValue(LOGIN).exchange().expectStatus().isOk();
    }

    @Test
    void requiresTheSignedCsrfTokenToRefresh() {
        String refresh = "__Secure-refresh_token";

        client.post().uri("/auth/refresh").cookie(refresh, "some-token").exchange().expectStatus().isForbidden()
                .expectBody().jsonPath("$.errors[0].code").isEqualTo("csrf.token_invalid");
        client.post().uri("/auth/refresh").cookie(refresh, "some-token").header("X-CSRF-Token", session.value() + ".forged").exchange()
                .expectStatus().isForbidden();
        client.post().uri("/auth/refresh").cookie(refresh, "some-token").cookie("__Host-csrf_token", "other")
                .header("X-CSRF-Token", csrfTokens.issue(session)).exchange().expectStatus().isForbidden();
        verify(refreshSession, never()).refresh(any(), any());
    }

    @Test
    void refreshesWithAValidCsrfTokenAndClearsCookiesOnRefusal() {
        when(refreshSession.refresh(eq("good"), eq(session))).thenReturn(Mono.just(new RefreshSessionUseCase.RefreshResult.Refreshed(tokens, false)));
        when(refreshSession.refresh(eq("reused"), eq(session))).thenReturn(Mono.just(
                new RefreshSessionUseCase.RefreshResult.Refused(RefreshSessionUseCase.Reason.REUSED)));

        client.post().uri("/auth/refresh").cookie("__Secure-refresh_token", "good").header("X-CSRF-Token", csrfTokens.issue(session))
                .exchange().expectStatus().isOk()
                .expectBody().json("{\"successStatus\":true,\"message\":\"success\"}", JsonCompareMode.STRICT);
        client.post().uri("/auth/refresh").cookie("__Secure-refresh_token", "reused").header("X-CSRF-Token", csrfTokens.issue(session))
                .exchange().expectStatus().isUnauthorized()
                .expectHeader().values(HttpHeaders.SET_COOKIE, cookies -> assertThat(cookies).hasSize(3).allSatisfy(c -> assertThat(c).contains("Max-Age=0")))
                .expectBody().jsonPath("$.errors[0].code").isEqualTo("auth.refresh_refused");
    }

    @Test
    void signsOutIdempotentlyEvenWithoutCookies() {
        client.post().uri("/auth/logout").exchange().expectStatus().isOk()
                .expectHeader().values(HttpHeaders.SET_COOKIE, cookies -> assertThat(cookies).hasSize(3).allSatisfy(c -> assertThat(c).contains("Max-Age=0")));
    }

    @Test
    void answers401WithABearerChallengeWithoutAValidAccessToken() {
        when(currentUser.currentUser(any())).thenReturn(Mono.empty());

        client.get().uri("/users/me").exchange().expectStatus().isUnauthorized()
                .expectHeader().valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"accounts\"")
                .expectBody().jsonPath("$.errors[0].code").isEqualTo("auth.unauthenticated");
        client.get().uri("/users/me").header(HttpHeaders.AUTHORIZATION, "Bearer nonsense").exchange().expectStatus().isUnauthorized();
    }

    @Test
    void readsTheAccessTokenFromTheBearerHeaderOrTheCookie() {
        when(currentUser.currentUser("from-header")).thenReturn(Mono.just(new UserProfile(UserId.random(), "ada@example.com", "Ada", "Lovelace", false)));
        when(currentUser.currentUser("from-cookie")).thenReturn(Mono.just(new UserProfile(UserId.random(), "bob@example.com", null, null, false)));

        client.get().uri("/users/me").header(HttpHeaders.AUTHORIZATION, "Bearer from-header").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.user.email").isEqualTo("ada@example.com");
        client.get().uri("/users/me").cookie("__Host-access_token", "from-cookie").exchange().expectStatus().isOk()
                .expectHeader().cacheControl(org.springframework.http.CacheControl.noStore())
                .expectBody().jsonPath("$.user.email").isEqualTo("bob@example.com");
    }
}
