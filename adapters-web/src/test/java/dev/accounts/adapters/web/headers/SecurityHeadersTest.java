package dev.accounts.adapters.web.headers;

import dev.accounts.adapters.web.WebSliceTest;
import dev.accounts.application.port.in.RegistrationResult;
import dev.accounts.domain.user.UserId;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Mono;

import java.util.Map;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.when;

class SecurityHeadersTest extends WebSliceTest {

    private static void expectSecurityHeaders(WebTestClient.ResponseSpec response) {
        response.expectHeader().valueEquals("X-Content-Type-Options", "nosniff")
                .expectHeader().valueEquals("Referrer-Policy", "no-referrer")
                .expectHeader().valueEquals("Content-Security-Policy", SecurityHeadersFilter.CONTENT_SECURITY_POLICY)
                .expectHeader().valueEquals("Cache-Control", "no-store");
    }

    @Test
    void sendsThemWithSuccessesAndEveryKindOfError() {
        when(registerUser.register(any())).thenReturn(Mono.just(new RegistrationResult.Registered(UserId.random())));

        expectSecurityHeaders(client.post().uri("/users/register").contentType(MediaType.APPLICATION_JSON).bodyValue("{}").exchange()
                .expectStatus().isCreated());
        expectSecurityHeaders(client.post().uri("/users/register").contentType(MediaType.APPLICATION_JSON).bodyValue("[").exchange()
                .expectStatus().isBadRequest());
        expectSecurityHeaders(client.get().uri("/nowhere").exchange().expectStatus().isNotFound());
        expectSecurityHeaders(client.post().uri("/auth/login").header("Sec-Fetch-Site", "cross-site").exchange()
                .expectStatus().isEqualTo(HttpStatus.FORBIDDEN));
    }

    @Test
    void letsThePublicKeysBeCached() {
        when(signingKeys.publicKeySet()).thenReturn(Map.of("keys", java.util.List.of()));

        client.get().uri("/.well-known/jwks.json").exchange().expectStatus().isOk()
                .expectHeader().valueEquals("Cache-Control", "max-age=300, public")
                .expectHeader().valueEquals("X-Content-Type-Options", "nosniff");
    }

    @Test
    void loosensThePolicyForSwaggerUiOnly() {
        client.get().uri("/swagger-ui/index.html").exchange()
                .expectHeader().valueEquals("Content-Security-Policy", SecurityHeadersFilter.SWAGGER_UI_CONTENT_SECURITY_POLICY);

        client.get().uri("/swagger-uix").exchange()
                .expectHeader().valueEquals("Content-Security-Policy", SecurityHeadersFilter.CONTENT_SECURITY_POLICY);
        client.get().uri("/v3/api-docs").exchange()
                .expectHeader().valueEquals("Content-Security-Policy", SecurityHeadersFilter.CONTENT_SECURITY_POLICY);
    }
}
