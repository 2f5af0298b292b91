package dev.accounts.bootstrap;

import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Every flow of the account's lifecycle over HTTP, against PostgreSQL and a real SMTP server. */
class LifecycleEndToEndIT extends EndToEndTest {

    private static final String PASSWORD = "tangerine otter kayak mosaic";
    private static final String NEW_PASSWORD = "walnut lantern glacier oboe";
    private static final String ACCESS = "__Host-access_token";
    private static final String CSRF = "__Host-csrf_token";
    private static final String VERIFY_SUBJECT = "Confirm your email address";
    private static final String RESET_SUBJECT = "Reset your password";

    @Autowired
    WebTestClient client;

    @Autowired
    DatabaseClient database;

    private record Session(String access, String csrf) {
    }

    private WebTestClient.ResponseSpec post(String path, Object body) {
        return client.post().uri(path).contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }

    private String registered() {
        String email = anyEmail();
        post("/users/register", Map.of("firstName", "Ada", "lastName", "Lovelace", "email", email, "password", PASSWORD,
                "confirmPassword", PASSWORD)).expectStatus().isCreated();
        return email;
    }

    private Session signIn(String email, String password) {
        EntityExchangeResult<String> result = post("/auth/login", Map.of("email", email, "password", password))
                .expectStatus().isOk().expectBody(String.class).returnResult();
        Map<String, String> cookies = new HashMap<>();
        result.getResponseCookies().forEach((name, values) -> cookies.put(name, values.getFirst().getValue()));
        return new Session(cookies.get(ACCESS), cookies.get(CSRF));
    }

    private WebTestClient.ResponseSpec asSignedIn(Session session, HttpMethod method, String path, Object body) {
        WebTestClient.RequestBodySpec request = client.method(method).uri(path).cookie(ACCESS, session.access()).cookie(CSRF, session.csrf())
                .header("X-CSRF-Token", session.csrf());
        return body == null ? request.exchange() : request.contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }

    private boolean isSignedIn(Session session) {
        return client.get().uri("/users/me").cookie(ACCESS, session.access()).exchange().expectBody(String.class).returnResult()
                .getStatus().value() == 200;
    }

    @Test
    void verifiesAnAddressWithTheMailedLinkOnce() throws Exception {
        String email = registered();
        MimeMessage message = TestMailServer.awaitMessages(email, VERIFY_SUBJECT, 1).getFirst();
        String token = TestMailServer.awaitToken(email, VERIFY_SUBJECT, 1);
        Session session = signIn(email, PASSWORD);
        client.get().uri("/users/me").cookie(ACCESS, session.access()).exchange().expectBody().jsonPath("$.user.emailVerified").isEqualTo(false);

        post("/users/verify-email", Map.of("token", token)).expectStatus().isOk();

        client.get().uri("/users/me").cookie(ACCESS, session.access()).exchange().expectBody().jsonPath("$.user.emailVerified").isEqualTo(true);
        post("/users/verify-email", Map.of("token", token)).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].code").isEqualTo("token.invalid");
        assertThat(message.getHeader("Message-ID")[0]).matches("<[0-9a-f-]{36}@.+>");
        assertThat(TestMailServer.textOf(message)).contains("/verify-email?token=" + token).doesNotContain(PASSWORD);
    }

    @Test
    void resendAnswersAlikeForEveryAddressAndMailsOnlyAnUnverifiedOne() {
        String email = registered();
        String unknown = anyEmail();

        String forAccount = post("/users/verify-email/resend", Map.of("email", email)).expectStatus().isAccepted()
                .expectBody(String.class).returnResult().getResponseBody();
        String forNobody = post("/users/verify-email/resend", Map.of("email", unknown)).expectStatus().isAccepted()
                .expectBody(String.class).returnResult().getResponseBody();

        assertThat(forAccount).isEqualTo(forNobody);
        String second = TestMailServer.awaitToken(email, VERIFY_SUBJECT, 2);
        post("/users/verify-email", Map.of("token", TestMailServer.awaitToken(email, VERIFY_SUBJECT, 1))).expectStatus().isBadRequest();
        post("/users/verify-email", Map.of("token", second)).expectStatus().isOk();
        post("/users/verify-email/resend", Map.of("email", email)).expectStatus().isAccepted();
        TestMailServer.sleep(Duration.ofMillis(500));
        assertThat(TestMailServer.messagesTo(email)).hasSize(2);
        assertThat(TestMailServer.messagesTo(unknown)).isEmpty();
        post("/users/verify-email/resend", Map.of("email", "no address")).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].code").isEqualTo("email.invalid");
    }

    @Test
    void resetsAForgottenPasswordEndingEverySession() {
        String email = registered();
        Session before = signIn(email, PASSWORD);

        String accepted = post("/auth/password-reset", Map.of("email", email)).expectStatus().isAccepted()
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(post("/auth/password-reset", Map.of("email", anyEmail())).expectStatus().isAccepted()
                .expectBody(String.class).returnResult().getResponseBody()).isEqualTo(accepted);
        String token = TestMailServer.awaitToken(email, RESET_SUBJECT, 1);

        post("/auth/password-reset/confirm", Map.of("token", token, "password", "short", "confirmPassword", "short"))
                .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].code").isEqualTo("password.too_short");
        post("/auth/password-reset/confirm", Map.of("token", token, "password", NEW_PASSWORD, "confirmPassword", NEW_PASSWORD))
                .expectStatus().isOk();

        assertThat(isSignedIn(before)).isFalse();
        post("/auth/login", Map.of("email", email, "password", PASSWORD)).expectStatus().isUnauthorized();
        signIn(email, NEW_PASSWORD);
        post("/auth/password-reset/confirm", Map.of("token", token, "password", NEW_PASSWORD, "confirmPassword", NEW_PASSWORD))
                .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].code").isEqualTo("token.invalid");
        assertThat(TestMailServer.awaitMessages(email, "Your password was changed", 1)).hasSize(1);
    }

    @Test
    void changesThePasswordKeepingOnlyTheCurrentSession() {
        String email = registered();
        Session here = signIn(email, PASSWORD);
        Session elsewhere = signIn(email, PASSWORD);

        asSignedIn(here, HttpMethod.POST, "/users/me/password", Map.of("currentPassword", "wrong guess", "password", NEW_PASSWORD,
                "confirmPassword", NEW_PASSWORD)).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].code").isEqualTo("currentPassword.incorrect");
        client.post().uri("/users/me/password").cookie(ACCESS, here.access()).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("currentPassword", PASSWORD, "password", NEW_PASSWORD, "confirmPassword", NEW_PASSWORD))
                .exchange().expectStatus().isForbidden();
        asSignedIn(here, HttpMethod.POST, "/users/me/password", Map.of("currentPassword", PASSWORD, "password", NEW_PASSWORD,
                "confirmPassword", NEW_PASSWORD)).expectStatus().isOk();

        assertThat(isSignedIn(here)).isTrue();
        assertThat(isSignedIn(elsewhere)).isFalse();
        signIn(email, NEW_PASSWORD);
    }

    @Test
    void signsOutEverywhere() {
        String email = registered();
        Session here = signIn(email, PASSWORD);
        Session elsewhere = signIn(email, PASSWORD);

        asSignedIn(here, HttpMethod.POST, "/auth/logout-everywhere", null).expectStatus().isOk()
                .expectHeader().values(HttpHeaders.SET_COOKIE, cookies -> assertThat(cookies).allSatisfy(c -> assertThat(c).contains("Max-Age=0")));

        assertThat(isSignedIn(here)).isFalse();
        assertThat(isSignedIn(elsewhere)).isFalse();
        asSignedIn(here, HttpMethod.POST, "/auth/logout-everywhere", null).expectStatus().isUnauthorized();
    }

    @Test
    void deletesTheAccountAndEverythingKeptAboutItInOneGo() {
        String email = registered();
        Session session = signIn(email, PASSWORD);
        post("/auth/password-reset", Map.of("email", email)).expectStatus().isAccepted();
        post("/auth/login", Map.of("email", email, "password", "a wrong guess")).expectStatus().isUnauthorized();

        asSignedIn(session, HttpMethod.DELETE, "/users/me", Map.of("password", "a wrong guess")).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].code").isEqualTo("password.incorrect");
        asSignedIn(session, HttpMethod.DELETE, "/users/me", Map.of("password", PASSWORD)).expectStatus().isOk();

        assertThat(isSignedIn(session)).isFalse();
        assertThat(rows("SELECT count(*) FROM users WHERE email_normalized = lower('" + email + "')")).isZero();
        assertThat(rows("SELECT count(*) FROM sessions s WHERE NOT EXISTS (SELECT 1 FROM users u WHERE u.user_id = s.user_id)")).isZero();
        assertThat(rows("SELECT count(*) FROM sign_in_failures WHERE email_key = lower('" + email + "')")).isZero();
        post("/users/register", Map.of("firstName", "Ada", "email", email, "password", PASSWORD, "confirmPassword", PASSWORD))
                .expectStatus().isCreated();
    }

    @Test
    void anotherInstanceForgetsADeletedAddressWithinItsMemory() {
        String[] arguments = Stream.concat(Stream.of(argumentsForTheTestDatabase()),
                Stream.of("--accounts.registration.taken-address-memory=2s")).toArray(String[]::new);
        try (ConfigurableApplicationContext other = new SpringApplicationBuilder(AccountsApplication.class).run(arguments)) {
            WebTestClient otherClient = client.mutate()
                    .baseUrl("http://localhost:" + other.getEnvironment().getProperty("local.server.port")).build();
            String email = registered();
            Map<String, String> form = Map.of("firstName", "Eve", "email", email, "password", PASSWORD, "confirmPassword", PASSWORD);
            otherClient.post().uri("/users/register").contentType(MediaType.APPLICATION_JSON).bodyValue(form).exchange()
                    .expectStatus().isEqualTo(409);
            asSignedIn(signIn(email, PASSWORD), HttpMethod.DELETE, "/users/me", Map.of("password", PASSWORD)).expectStatus().isOk();

            long deleted = System.nanoTime();
            int status;
            do {
                TestMailServer.sleep(Duration.ofMillis(200));
                status = otherClient.post().uri("/users/register").contentType(MediaType.APPLICATION_JSON).bodyValue(form).exchange()
                        .expectBody(String.class).returnResult().getStatus().value();
            } while (status == 409 && System.nanoTime() - deleted < Duration.ofSeconds(10).toNanos());

            assertThat(status).isEqualTo(201);
            assertThat(Duration.ofNanos(System.nanoTime() - deleted)).isLessThan(Duration.ofSeconds(5));
        }
    }

    @Test
    void mailWaitsOutAnSmtpOutageAndEveryMessageArrivesExactlyOnce() {
        TestMailServer.stop();
        List<String> emails;
        try {
            emails = Stream.generate(this::registered).limit(5).toList();
            TestMailServer.sleep(Duration.ofMillis(600));
        } finally {
            TestMailServer.start();
        }
        CLOCK.advance(Duration.ofSeconds(30));

        for (String email : emails) {
            assertThat(TestMailServer.awaitMessages(email, VERIFY_SUBJECT, 1)).hasSize(1);
        }
        TestMailServer.sleep(Duration.ofSeconds(1));
        CLOCK.advance(Duration.ofMinutes(30));
        TestMailServer.sleep(Duration.ofMillis(500));
        for (String email : emails) {
            assertThat(TestMailServer.messagesTo(email)).as("exactly once").hasSize(1);
        }
    }

    /** Before the fix the refused body's buffer was never released; {@link NettyLeakCheck} fails the class if one is. */
    @Test
    void refusesABodyThatIsNotUtf8AndReleasesItsBuffer() {
        byte[] body = ("{\"token\":\"" + "\u00ff".repeat(100) + "\"}").getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        for (int i = 0; i < 20; i++) {
            client.post().uri("/users/verify-email").contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange()
                    .expectStatus().isBadRequest();
        }
    }

    private long rows(String sql) {
        return database.sql(sql).map(row -> row.get(0, Long.class)).one().block();
    }
}
