package dev.accounts.bootstrap;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Metrics an operator scrapes after a session of sign-ups, sign-ins and refreshes; the request id from answer to log line. */
@ExtendWith(OutputCaptureExtension.class)
class ObservabilityEndToEndIT extends EndToEndTest {

    private static final String PASSWORD = "tangerine otter kayak mosaic";
    private static final String REFRESH = "__Secure-refresh_token";
    private static final String CSRF = "__Host-csrf_token";
    private static final String REQUEST_ID = "X-Request-Id";

    @Autowired
    WebTestClient client;

    private WebTestClient.ResponseSpec register(String email) {
        return client.post().uri("/users/register").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("email", email, "password", PASSWORD, "confirmPassword", PASSWORD)).exchange();
    }

    private WebTestClient.ResponseSpec login(String email, String password) {
        return client.post().uri("/auth/login").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("email", email, "password", password)).exchange();
    }

    private static Map<String, String> cookiesOf(EntityExchangeResult<?> result) {
        Map<String, String> cookies = new HashMap<>();
        result.getResponseCookies().forEach((name, values) -> cookies.put(name, values.getFirst().getValue()));
        return cookies;
    }

    private WebTestClient.ResponseSpec refresh(Map<String, String> cookies) {
        return client.post().uri("/auth/refresh").cookie(REFRESH, cookies.get(REFRESH)).cookie(CSRF, cookies.get(CSRF))
                .header("X-CSRF-Token", cookies.get(CSRF)).exchange();
    }

    @Test
    void countsEveryOutcomeOfAScriptedSessionWithoutNamingAnyone(CapturedOutput output) {
        String email = anyEmail();
        PrometheusScrape before = PrometheusScrape.of(client);

        String userId = register(email).expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody().get("userId").toString();
        register(email).expectStatus().isEqualTo(HttpStatus.CONFLICT);
        register("not-an-email").expectStatus().isBadRequest();
        Map<String, String> session = cookiesOf(login(email, PASSWORD).expectStatus().isOk().expectBody(String.class).returnResult());
        login(email, "wrong " + PASSWORD).expectStatus().isUnauthorized();
        refresh(session).expectStatus().isOk();
        refresh(session).expectStatus().isOk();
        CLOCK.advance(Duration.ofSeconds(11));
        String reuse = refresh(session).expectStatus().isUnauthorized().expectBody().returnResult().getResponseHeaders().getFirst(REQUEST_ID);

        PrometheusScrape after = PrometheusScrape.of(client);
        assertThat(after.since(before, "accounts_sign_ups_total", "outcome=\"created\"")).isEqualTo(1);
        assertThat(after.since(before, "accounts_sign_ups_total", "outcome=\"taken\"")).isEqualTo(1);
        assertThat(after.since(before, "accounts_sign_ups_total", "outcome=\"refused\"")).isEqualTo(1);
        assertThat(after.since(before, "accounts_sign_ins_total", "outcome=\"signed_in\"")).isEqualTo(1);
        assertThat(after.since(before, "accounts_sign_ins_total", "outcome=\"invalid_credentials\"")).isEqualTo(1);
        assertThat(after.since(before, "accounts_refreshes_total", "outcome=\"rotated\"")).isEqualTo(1);
        assertThat(after.since(before, "accounts_refreshes_total", "outcome=\"grace_replay\"")).isEqualTo(1);
        assertThat(after.since(before, "accounts_refreshes_total", "outcome=\"reuse_detected\"")).isEqualTo(1);
        assertThat(after.since(before, "accounts_sign_ups_total", "outcome=\"shed\"")).isZero();
        assertThat(after.since(before, "accounts_password_hashing_seconds_count", "operation=\"hash\"")).isEqualTo(1);
        assertThat(after.since(before, "accounts_password_hashing_seconds_count", "operation=\"verify\"")).isEqualTo(2);
        assertThat(after.since(before, "accounts_password_work_queue_wait_seconds_count")).isGreaterThanOrEqualTo(3);
        assertThat(List.of("accounts_password_work_slots", "accounts_password_work_slots_used", "accounts_password_work_waiting",
                "accounts_password_work_refusals_total", "accounts_mail_outbox_pending", "accounts_mail_outbox_oldest_age_seconds",
                "r2dbc_pool_acquired_connections", "r2dbc_pool_max_allocated_connections"))
                .filteredOn(name -> !after.has(name)).as("meters missing from the scrape").isEmpty();
        assertThat(after.text()).doesNotContain(email, userId, "example.com");
        assertThat(output.getAll().lines().filter(line -> line.contains("event=refresh-token-reuse")))
                .singleElement().satisfies(line -> assertThat(line).contains(reuse, "userId=" + userId));
    }

    @Test
    void tagsEveryAnswerItsProblemAndItsLogLinesWithOneRequestId(CapturedOutput output) {
        EntityExchangeResult<Map> refused = login("no-account-can-have-this", PASSWORD).expectStatus().isUnauthorized()
                .expectBody(Map.class).returnResult();

        String id = refused.getResponseHeaders().getFirst(REQUEST_ID);
        assertThat(id).matches("[0-9a-f]{16}");
        assertThat(refused.getResponseBody()).containsEntry("requestId", id);
        // Written on the hashing thread that verified the dummy hash, not on the thread that took the request.
        assertThat(output.getAll().lines().filter(line -> line.contains("event=sign-in") && line.contains(id)))
                .singleElement().satisfies(line -> assertThat(line).contains("hashing-"));
        String other = register("not-an-email").expectStatus().isBadRequest()
                .expectBody(Map.class).returnResult().getResponseBody().get("requestId").toString();
        assertThat(other).matches("[0-9a-f]{16}").isNotEqualTo(id);
        client.get().uri("/nowhere").exchange().expectStatus().isNotFound()
                .expectBody().jsonPath("$.requestId").isNotEmpty();
    }

    @Test
    void makesItsOwnIdWhenAClientThatIsNoTrustedProxyOffersOne() {
        client.get().uri("/actuator/health/liveness").header(REQUEST_ID, "chosen-by-the-client").exchange()
                .expectStatus().isOk()
                .expectHeader().value(REQUEST_ID, id -> assertThat(id).matches("[0-9a-f]{16}"));
    }

    @Test
    void exposesThePrometheusScrapeAndNothingElseOfTheActuator() {
        client.get().uri("/actuator/prometheus").exchange().expectStatus().isOk()
                .expectHeader().value("Content-Type", type -> assertThat(type).startsWith("text/plain"));
        for (String hidden : List.of("/actuator", "/actuator/metrics", "/actuator/env", "/actuator/beans", "/actuator/health",
                "/actuator/prometheus/extra", "/actuator/loggers", "/actuator/heapdump", "/actuator/threaddump")) {
            client.get().uri(hidden).exchange().expectStatus().isNotFound();
        }
    }
}
