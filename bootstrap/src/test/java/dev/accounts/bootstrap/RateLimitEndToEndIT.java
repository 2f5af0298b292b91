package dev.accounts.bootstrap;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.net.URI;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The per-address limits, with this machine as a trusted proxy so that tests can speak for many clients. */
@TestPropertySource(properties = {"accounts.rate-limit.enabled=true", "accounts.rate-limit.trusted-proxies=127.0.0.1,::1"})
class RateLimitEndToEndIT extends EndToEndTest {

    private static final String PASSWORD = "tangerine otter kayak mosaic";

    @Autowired
    WebTestClient client;

    @LocalServerPort
    int port;

    private WebTestClient.ResponseSpec register(String forwardedFor) {
        return client.post().uri("/users/register").contentType(MediaType.APPLICATION_JSON).header("X-Forwarded-For", forwardedFor)
                .bodyValue(Map.of("email", anyEmail(), "password", PASSWORD, "confirmPassword", PASSWORD)).exchange();
    }

    @Test
    void allowsABurstOfFiveRegistrationsPerAddressThen429() {
        for (int i = 0; i < 5; i++) {
            register("198.51.100.20").expectStatus().isCreated()
                    .expectHeader().valueEquals("RateLimit-Policy", "\"register\";q=10;w=3600");
        }

        register("198.51.100.20").expectStatus().isEqualTo(HttpStatus.TOO_MANY_REQUESTS)
                .expectHeader().exists(HttpHeaders.RETRY_AFTER)
                .expectHeader().exists("RateLimit")
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.errors[0].code").isEqualTo("rate_limit.exceeded");
        register("198.51.100.21").expectStatus().isCreated();
    }

    @Test
    void countsRefusalsByRuleAndNeverByAddress() {
        PrometheusScrape before = PrometheusScrape.of(client);
        for (int i = 0; i < 5; i++) {
            register("198.51.100.130").expectStatus().isCreated();
        }

        register("198.51.100.130").expectStatus().isEqualTo(HttpStatus.TOO_MANY_REQUESTS);

        PrometheusScrape after = PrometheusScrape.of(client);
        assertThat(after.since(before, "accounts_rate_limit_refusals_total", "rule=\"register\"")).isEqualTo(1);
        assertThat(after.since(before, "accounts_rate_limit_refusals_total", "rule=\"login\"")).isZero();
        assertThat(after.text()).doesNotContain("198.51.100.130");
    }

    /** This machine is a trusted proxy here: the id it forwards is kept, if it is short and plain. */
    @Test
    void keepsTheRequestIdATrustedProxySendsWhenItIsSafe() {
        client.post().uri("/users/register").contentType(MediaType.APPLICATION_JSON).header("X-Forwarded-For", "198.51.100.140")
                .header("X-Request-Id", "lb-7f3a.2_x").bodyValue(Map.of("email", "not-an-email")).exchange()
                .expectStatus().isBadRequest()
                .expectHeader().valueEquals("X-Request-Id", "lb-7f3a.2_x")
                .expectBody().jsonPath("$.requestId").isEqualTo("lb-7f3a.2_x");
        for (String unsafe : new String[]{"a b", "x".repeat(65), "<script>"}) {
            client.get().uri("/actuator/health/liveness").header("X-Request-Id", unsafe).exchange()
                    .expectHeader().value("X-Request-Id", id -> assertThat(id).isNotEqualTo(unsafe).matches("[0-9a-f]{16}"));
        }
    }

    @Test
    void spendsNoRegistrationOnARequestRefusedForItsShape() {
        String address = "198.51.100.22";
        for (int i = 0; i < 4; i++) {
            register(address).expectStatus().isCreated();
        }
        client.post().uri("/users/register").contentType(MediaType.APPLICATION_JSON).header("X-Forwarded-For", address)
                .bodyValue("{\"email\": \"typo@example\"").exchange().expectStatus().isBadRequest();
        client.post().uri("/users/register").contentType(MediaType.APPLICATION_JSON).header("X-Forwarded-For", address)
                .bodyValue(Map.of("email", "not-an-email", "password", PASSWORD, "confirmPassword", PASSWORD)).exchange()
                .expectStatus().isBadRequest();
        client.post().uri("/users/register").contentType(MediaType.TEXT_PLAIN).header("X-Forwarded-For", address)
                .bodyValue("email=a").exchange().expectStatus().isEqualTo(HttpStatus.UNSUPPORTED_MEDIA_TYPE);

        register(address).expectStatus().isCreated();
        register(address).expectStatus().isEqualTo(HttpStatus.TOO_MANY_REQUESTS)
                .expectBody().jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("ACCOUNTS_RATE_LIMIT_ENABLED=false"));
    }

    @Test
    void limitsEverySpellingOfALimitedPath() {
        for (int i = 0; i < 5; i++) {
            register("198.51.100.23").expectStatus().isCreated();
        }

        for (String path : new String[]{"/users/register;x=1", "/users/registe%72", "/users/register;"}) {
            client.post().uri(URI.create("http://localhost:" + port + path))
                    .contentType(MediaType.APPLICATION_JSON).header("X-Forwarded-For", "198.51.100.23")
                    .bodyValue(Map.of("email", anyEmail(), "password", PASSWORD, "confirmPassword", PASSWORD)).exchange()
                    .expectStatus().isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
        }
    }

    @Test
    void limitsSignInAttemptsPerAddress() {
        int allowed = 0;
        while (allowed < 40 && client.post().uri("/auth/login").contentType(MediaType.APPLICATION_JSON)
                .header("X-Forwarded-For", "198.51.100.30").bodyValue(Map.of("email", anyEmail(), "password", "x")).exchange()
                .expectBody().returnResult().getStatus().value() == 401) {
            allowed++;
        }

        // 30 at once, plus the few the bucket refills (one every two seconds) while the loop runs
        assertThat(allowed).isBetween(30, 35);
    }

    @Test
    void requestsForMailedLinksShareOneBucketPerAddress() {
        for (int i = 0; i < 5; i++) {
            String path = i % 2 == 0 ? "/auth/password-reset" : "/users/verify-email/resend";
            client.post().uri(path).contentType(MediaType.APPLICATION_JSON).header("X-Forwarded-For", "198.51.100.140")
                    .bodyValue(Map.of("email", anyEmail())).exchange()
                    .expectStatus().isAccepted().expectHeader().valueEquals("RateLimit-Policy", "\"mail\";q=10;w=3600");
        }

        client.post().uri("/users/verify-email/resend").contentType(MediaType.APPLICATION_JSON).header("X-Forwarded-For", "198.51.100.140")
                .bodyValue(Map.of("email", anyEmail())).exchange()
                .expectStatus().isEqualTo(HttpStatus.TOO_MANY_REQUESTS).expectHeader().exists(HttpHeaders.RETRY_AFTER);
        client.post().uri("/auth/password-reset").contentType(MediaType.APPLICATION_JSON).header("X-Forwarded-For", "198.51.100.41")
                .bodyValue(Map.of("email", anyEmail())).exchange().expectStatus().isAccepted();
    }

    @Test
    void limitsPasswordWorkOnAnAccountPerAddressWhateverTheMethod() {
        int allowed = 0;
        while (allowed < 20 && client.method(HttpMethod.DELETE).uri("/users/me").contentType(MediaType.APPLICATION_JSON)
                .header("X-Forwarded-For", "198.51.100.50").header(HttpHeaders.AUTHORIZATION, "Bearer not-a-token")
                .bodyValue(Map.of("password", "x")).exchange()
                .expectBody().returnResult().getStatus().value() == 401) {
            allowed++;
        }

        assertThat(allowed).isEqualTo(10);
        for (String path : new String[]{"/users/me", "/users/me/password", "/auth/password-reset/confirm"}) {
            client.method(path.equals("/users/me") ? HttpMethod.DELETE : HttpMethod.POST).uri(path).contentType(MediaType.APPLICATION_JSON)
                    .header("X-Forwarded-For", "198.51.100.50").bodyValue(Map.of("password", "x")).exchange()
                    .expectStatus().isEqualTo(HttpStatus.TOO_MANY_REQUESTS).expectHeader().exists(HttpHeaders.RETRY_AFTER)
                    .expectBody().returnResult();
        }
    }
}
