package dev.accounts.adapters.web.registration;

import dev.accounts.adapters.web.WebSliceTest;
import dev.accounts.application.port.in.RegisterUserCommand;
import dev.accounts.application.port.in.RegistrationResult;
import dev.accounts.application.port.out.TemporarilyUnavailableException;
import dev.accounts.domain.testing.Emails;
import dev.accounts.domain.user.UserId;
import dev.accounts.domain.validation.Violation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mockito.ArgumentCaptor;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.json.JsonCompareMode;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

class UserRegistrationControllerTest extends WebSliceTest {

    private static final String VALID_BODY = """
            {"firstName":"Ada","lastName":"Lovelace","email":"ada@example.com",
             "password":"correct horse battery staple","confirmPassword":"correct horse battery staple"}""";

    private WebTestClient.ResponseSpec post(MediaType contentType, String body) {
        return client.post().uri("/users/register").contentType(contentType).bodyValue(body).exchange();
    }

    private WebTestClient.ResponseSpec post(String body) {
        return post(MediaType.APPLICATION_JSON, body);
    }

    @Test
    void answers201WithLocationAndTheOriginalSuccessBody() {
        UserId id = new UserId(UUID.fromString("0b6f1f5e-3a44-4b8e-9d7b-2f4e0d1c9a11"));
        when(registerUser.register(any())).thenReturn(Mono.just(new RegistrationResult.Registered(id)));

        post(VALID_BODY).expectStatus().isCreated()
                .expectHeader().location("/users/0b6f1f5e-3a44-4b8e-9d7b-2f4e0d1c9a11")
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_JSON)
                .expectBody().json("""
                        {"successStatus":true,"message":"success","userId":"0b6f1f5e-3a44-4b8e-9d7b-2f4e0d1c9a11"}""", JsonCompareMode.STRICT);
    }

    @Test
    void passesEveryFieldToTheUseCaseAndIgnoresUnknownOnes() {
        when(registerUser.register(any())).thenReturn(Mono.just(new RegistrationResult.Registered(UserId.random())));
        ArgumentCaptor<RegisterUserCommand> command = ArgumentCaptor.forClass(RegisterUserCommand.class);

        post(VALID_BODY.replace("{", "{\"role\":\"admin\",\"nested\":{\"x\":[1,2]},")).expectStatus().isCreated();

        verify(registerUser).register(command.capture());
        assertThat(command.getValue()).isEqualTo(new RegisterUserCommand("Ada", "Lovelace", "ada@example.com",
                "correct horse battery staple", "correct horse battery staple", command.getValue().clientAddress()));
        assertThat(command.getValue().clientAddress()).isNotBlank();
    }

    @Test
    void answers400ListingEveryViolation() {
        when(registerUser.register(any())).thenReturn(Mono.just(new RegistrationResult.Rejected(List.of(
                new Violation("email", "email.invalid", "Email must be a valid email address."),
                new Violation("confirmPassword", "password.mismatch", "Passwords do not match.")))));

        post(VALID_BODY).expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type").isEqualTo("urn:accounts:problem:validation-failed")
                .jsonPath("$.title").isEqualTo("Validation failed")
                .jsonPath("$.status").isEqualTo(400)
                .jsonPath("$.detail").isNotEmpty()
                .jsonPath("$.successStatus").isEqualTo(false)
                .jsonPath("$.message").isEqualTo("Email must be a valid email address.")
                .jsonPath("$.errors.length()").isEqualTo(2)
                .jsonPath("$.errors[0].field").isEqualTo("email")
                .jsonPath("$.errors[0].code").isEqualTo("email.invalid")
                .jsonPath("$.errors[1].code").isEqualTo("password.mismatch");
    }

    @Test
    void answers409WhenTheEmailIsTaken() {
        when(registerUser.register(any())).thenReturn(Mono.just(new RegistrationResult.EmailTaken(Emails.email("ada@example.com"))));

        post(VALID_BODY).expectStatus().isEqualTo(HttpStatus.CONFLICT)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.status").isEqualTo(409)
                .jsonPath("$.successStatus").isEqualTo(false)
                .jsonPath("$.message").isEqualTo("An account with this email address already exists.")
                .jsonPath("$.errors[0].code").isEqualTo("email.taken");
    }

    @Test
    void answers503WithRetryAfterWhenADependencyIsUnavailable() {
        when(registerUser.register(any())).thenReturn(Mono.error(
                new TemporarilyUnavailableException("the database is unavailable", Duration.ofSeconds(5), null)));

        post(VALID_BODY).expectStatus().isEqualTo(HttpStatus.SERVICE_UNAVAILABLE)
                .expectHeader().valueEquals(HttpHeaders.RETRY_AFTER, "5")
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.successStatus").isEqualTo(false).jsonPath("$.status").isEqualTo(503)
                .jsonPath("$.instance").isEqualTo("/users/register");
    }

    @Test
    void answersAnUnplannedFailureWith500AndNoDetails() {
        when(registerUser.register(any())).thenReturn(Mono.error(new IllegalStateException("secret internals at Foo.java:42")));

        String body = post(VALID_BODY).expectStatus().isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody(String.class).returnResult().getResponseBody();

        assertThat(body).doesNotContain("secret internals", "Exception", "java");
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"email\": ", "{\"email\": \"a\",}", "not json", "{\"email\":\"a\"} trailing", "{\"email\":\"a\",\"email\":\"b\"}"})
    void answers400ForMalformedJson(String body) {
        post(body).expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("not well-formed JSON"))
                .jsonPath("$.successStatus").isEqualTo(false)
                .jsonPath("$.message").isNotEmpty();
        verify(registerUser, never()).register(any());
    }

    @ParameterizedTest
    @ValueSource(strings = {"[]", "[{\"email\":\"a\"}]", "\"a string\"", "42", "true"})
    void answers400WhenTheBodyIsNotAnObject(String body) {
        post(body).expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.detail").isEqualTo("The request body must be a JSON object.");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "null"})
    void answers400WhenTheBodyIsMissing(String body) {
        post(body).expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.successStatus").isEqualTo(false);
    }

    @ParameterizedTest
    @ValueSource(strings = {"42", "4.2", "true", "{\"a\":1}", "[\"x\"]"})
    void answers400NamingTheFieldOfTheWrongType(String value) {
        post("{\"email\": " + value + ", \"password\": \"x\"}").expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.errors[0].field").isEqualTo("email")
                .jsonPath("$.errors[0].code").isEqualTo("request.invalid_type")
                .jsonPath("$.message").isEqualTo("email must be a string.");
    }

    @Test
    void refusesBodiesThatAreNotValidUtf8() {
        byte[] overlongSlash = "{\"email\":\"\u00c0\u00af@b.cd\"}".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        byte[] utf16 = VALID_BODY.getBytes(java.nio.charset.StandardCharsets.UTF_16);

        for (byte[] body : new byte[][]{overlongSlash, utf16}) {
            client.post().uri("/users/register").contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange()
                    .expectStatus().isBadRequest()
                    .expectBody().jsonPath("$.type").isEqualTo("urn:accounts:problem:malformed-json");
        }
        verify(registerUser, never()).register(any());
    }

    @Test
    void neverEchoesTheInputInParserErrors() {
        String body = post("{\"password\": hunter2-is-my-secret}").expectStatus().isBadRequest()
                .expectBody(String.class).returnResult().getResponseBody();

        assertThat(body).doesNotContain("hunter2");
    }

    @Test
    void answers400ForDeepNesting() {
        post("{\"x\":" + "[".repeat(1000) + "]".repeat(1000) + "}").expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void answers415ForANonJsonContentType() {
        post(MediaType.TEXT_PLAIN, VALID_BODY).expectStatus().isEqualTo(HttpStatus.UNSUPPORTED_MEDIA_TYPE)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.status").isEqualTo(415).jsonPath("$.successStatus").isEqualTo(false)
                .jsonPath("$.type").isEqualTo("urn:accounts:problem:unsupported-media-type")
                .jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("Content-Type: application/json"));
        post(MediaType.APPLICATION_FORM_URLENCODED, "email=a").expectStatus().isEqualTo(HttpStatus.UNSUPPORTED_MEDIA_TYPE);
    }

    @Test
    void answers413ForABodyOver16KiB() {
        String body = VALID_BODY.replace("{", "{\"padding\":\"" + "x".repeat(16 * 1024) + "\",");

        post(body).expectStatus().isEqualTo(HttpStatus.CONTENT_TOO_LARGE)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.status").isEqualTo(413).jsonPath("$.successStatus").isEqualTo(false);
        verify(registerUser, never()).register(any());
    }

    @Test
    void answers405ForOtherMethods() {
        client.get().uri("/users/register").exchange().expectStatus().isEqualTo(HttpStatus.METHOD_NOT_ALLOWED)
                .expectHeader().valueEquals(HttpHeaders.ALLOW, "POST")
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.successStatus").isEqualTo(false)
                .jsonPath("$.type").isEqualTo("urn:accounts:problem:method-not-allowed");
        client.put().uri("/users/register").contentType(MediaType.APPLICATION_JSON).bodyValue(VALID_BODY).exchange()
                .expectStatus().isEqualTo(HttpStatus.METHOD_NOT_ALLOWED);
        client.delete().uri("/users/register").exchange().expectStatus().isEqualTo(HttpStatus.METHOD_NOT_ALLOWED);
    }

    @Test
    void answers404WithAProblemForUnknownPaths() {
        for (String path : new String[]{"/nothing/here", "/index.html", "/users/not-a-uuid"}) {
            client.get().uri(path).exchange().expectStatus().isNotFound()
                    .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody().jsonPath("$.status").isEqualTo(404)
                    .jsonPath("$.type").isEqualTo("urn:accounts:problem:not-found")
                    .jsonPath("$.detail").value(detail -> assertThat((String) detail).doesNotContain("static resource"));
        }
    }
}
