package dev.accounts.bootstrap;

import dev.accounts.application.port.out.PasswordHasher;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class RegistrationEndToEndIT extends EndToEndTest {

    private static final String PASSWORD = "tangerine otter kayak mosaic";

    @Autowired
    WebTestClient client;

    @Autowired
    DatabaseClient database;

    @Autowired
    PasswordHasher hasher;

    @LocalServerPort
    int port;

    private static Map<String, String> registration(String email) {
        return Map.of("firstName", "Ada", "lastName", "Lovelace", "email", email, "password", PASSWORD, "confirmPassword", PASSWORD);
    }

    private WebTestClient.ResponseSpec register(Object body) {
        return client.post().uri("/users/register").contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }

    private long rowsWithEmail(String email) {
        return database.sql("SELECT count(*) FROM users WHERE email_normalized = :key")
                .bind("key", email.toLowerCase(Locale.ROOT))
                .map(row -> row.get(0, Long.class)).one().block();
    }

    @Test
    void registersAUserWithAnArgon2idHash() {
        String email = anyEmail();

        register(registration(email)).expectStatus().isCreated()
                .expectHeader().value("Location", location -> assertThat(location).matches("/users/[0-9a-f-]{36}"))
                .expectBody()
                .jsonPath("$.successStatus").isEqualTo(true)
                .jsonPath("$.message").isEqualTo("success")
                .jsonPath("$.userId").isNotEmpty();

        Map<String, Object> row = database.sql("SELECT * FROM users WHERE email_normalized = :key").bind("key", email)
                .fetch().one().block();
        assertThat(row).containsEntry("email", email).containsEntry("first_name", "Ada").containsEntry("last_name", "Lovelace");
        assertThat((String) row.get("password_hash")).startsWith("{argon2}$argon2id$v=19$m=19456,t=2,p=1$").doesNotContain(PASSWORD);
    }

    @Test
    void answers409ForTheSameEmailInAnotherCaseWithoutHashing() {
        String email = anyEmail();
        register(registration(email)).expectStatus().isCreated();
        int hashesBefore = ((CountingPasswordHasher) hasher).hashes();

        register(registration(email.toUpperCase(Locale.ROOT))).expectStatus().isEqualTo(HttpStatus.CONFLICT)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.successStatus").isEqualTo(false)
                .jsonPath("$.errors[0].code").isEqualTo("email.taken");

        assertThat(((CountingPasswordHasher) hasher).hashes()).isEqualTo(hashesBefore);
        assertThat(rowsWithEmail(email)).isEqualTo(1);
    }

    @Test
    void registersExactlyOneOf64ConcurrentRegistrationsOfOneEmail() {
        String email = anyEmail();
        WebClient webClient = WebClient.create("http://localhost:" + port);

        List<Integer> statuses = Flux.range(0, 64)
                .flatMap(i -> webClient.post().uri("/users/register").contentType(MediaType.APPLICATION_JSON)
                        .bodyValue(registration(i % 2 == 0 ? email : email.toUpperCase(Locale.ROOT)))
                        .exchangeToMono(response -> response.releaseBody().thenReturn(response.statusCode().value())), 64)
                .collectList()
                .block(Duration.ofSeconds(60));

        assertThat(statuses).filteredOn(status -> status == 201).hasSize(1);
        assertThat(statuses).filteredOn(status -> status == 409).hasSize(63);
        assertThat(rowsWithEmail(email)).isEqualTo(1);
    }

    @Test
    @SuppressWarnings("unchecked")
    void answers400WithEveryViolationAndStoresNothing() {
        String email = "not-an-email";

        register(Map.of("email", email, "password", "short", "confirmPassword", "other", "firstName", "x".repeat(201)))
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.successStatus").isEqualTo(false)
                .jsonPath("$.message").isEqualTo("Email must be a valid email address, such as name@example.com.")
                .jsonPath("$.errors[*].code").value(codes -> assertThat((List<Object>) codes)
                        .containsExactlyInAnyOrder("email.invalid", "firstName.too_long", "password.too_short", "password.mismatch"));
    }

    @Test
    void tellsAPersonWithAWeakPasswordWhatToChange() {
        String weak = "password12345678";

        register(Map.of("email", anyEmail(), "password", weak, "confirmPassword", weak)).expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].code").isEqualTo("password.too_weak")
                .jsonPath("$.message").value(message -> assertThat((String) message).startsWith("Password is too easy to guess."));
    }

    @Test
    void keepsTheOriginalServicesValidationAnswers() {
        register(Map.of("password", PASSWORD, "confirmPassword", PASSWORD)).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].code").isEqualTo("email.required");
        register(Map.of("email", "", "password", PASSWORD, "confirmPassword", PASSWORD)).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].code").isEqualTo("email.required");
        register(Map.of("email", anyEmail(), "password", PASSWORD, "confirmPassword", PASSWORD + "!")).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].code").isEqualTo("password.mismatch");
    }

    @Test
    void refusesHostileInputWithoutA500() {
        register("{\"email\":\"a@b.co\",\"password\":\"\\u0000\\ud800\"}").expectStatus().isBadRequest();
        register("{\"email\":\"" + "a".repeat(15_000) + "\"}").expectStatus().isBadRequest();
        register("{\"firstName\":\"\\u0000\",\"email\":\"" + anyEmail() + "\",\"password\":\"" + PASSWORD + "\",\"confirmPassword\":\"" + PASSWORD + "\"}")
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].code").isEqualTo("firstName.invalid");
        client.post().uri("/users/register").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"email\":\"" + "x".repeat(20_000) + "\"}").exchange()
                .expectStatus().isEqualTo(HttpStatus.CONTENT_TOO_LARGE);
    }

    @Test
    @ExtendWith(OutputCaptureExtension.class)
    void neverWritesAPasswordOrHashToTheLogOrAnAnswer(CapturedOutput output) {
        String secret = "zebra quilt " + UUID.randomUUID();
        String email = anyEmail();
        Map<String, String> body = Map.of("email", email, "password", secret, "confirmPassword", secret);

        String created = register(body).expectStatus().isCreated().expectBody(String.class).returnResult().getResponseBody();
        String taken = register(body).expectStatus().isEqualTo(HttpStatus.CONFLICT).expectBody(String.class).returnResult().getResponseBody();
        String malformed = register("{\"email\":\"" + email + "\",\"password\":" + secret.replace(' ', '-') + "}")
                .expectStatus().isBadRequest().expectBody(String.class).returnResult().getResponseBody();

        String hash = database.sql("SELECT password_hash FROM users WHERE email_normalized = :key").bind("key", email)
                .map(row -> row.get(0, String.class)).one().block();
        assertThat(List.of(created, taken, malformed, output.getAll()))
                .allSatisfy(text -> assertThat(text).doesNotContain(secret, secret.replace(' ', '-'), hash, hash.substring(hash.lastIndexOf('$') + 1)));
    }

    @Test
    void answersEveryStatusAsAProblemOverTheWire() {
        client.get().uri("/users/register").exchange().expectStatus().isEqualTo(HttpStatus.METHOD_NOT_ALLOWED)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        client.post().uri("/users/register").contentType(MediaType.TEXT_PLAIN).bodyValue("hi").exchange()
                .expectStatus().isEqualTo(HttpStatus.UNSUPPORTED_MEDIA_TYPE)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        register("[1,2]").expectStatus().isBadRequest().expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

}
