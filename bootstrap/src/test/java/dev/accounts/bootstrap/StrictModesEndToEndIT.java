package dev.accounts.bootstrap;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The service with every stricter switch on: enumeration-safe sign-up, verified addresses required for
 * sign-in, and breached passwords checked against a local stand-in for the Pwned Passwords range API.
 */
@TestPropertySource(properties = {"accounts.registration.enumeration-safe=true", "accounts.sign-in.require-verified-email=true",
        "accounts.breached-passwords.enabled=true"})
class StrictModesEndToEndIT extends EndToEndTest {

    private static final String PASSWORD = "tangerine otter kayak mosaic";
    private static final String BREACHED = "plum velvet orbit cascade";
    private static final List<String> RANGE_REQUESTS = new CopyOnWriteArrayList<>();
    private static final HttpServer RANGE_API = rangeApiKnowing(BREACHED);

    @Autowired
    WebTestClient client;

    @DynamicPropertySource
    static void rangeApi(DynamicPropertyRegistry registry) {
        registry.add("accounts.breached-passwords.url", () -> "http://127.0.0.1:" + RANGE_API.getAddress().getPort());
    }

    @AfterAll
    static void stopRangeApi() {
        RANGE_API.stop(0);
    }

    private WebTestClient.ResponseSpec register(String email, String password) {
        return client.post().uri("/users/register").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("firstName", "Eve", "email", email, "password", password, "confirmPassword", password)).exchange();
    }

    @Test
    void aSignUpForATakenAddressIsAnsweredAsANewOneAndTheOwnerIsTold() {
        String email = anyEmail();
        register(email, PASSWORD).expectStatus().isCreated();

        String taken = register(email.toUpperCase(java.util.Locale.ROOT), PASSWORD).expectStatus().isCreated()
                .expectHeader().exists("Location").expectBody(String.class).returnResult().getResponseBody();
        String fresh = register(anyEmail(), PASSWORD).expectStatus().isCreated().expectBody(String.class).returnResult().getResponseBody();

        assertThat(taken.replaceAll("[0-9a-f-]{36}", "ID")).isEqualTo(fresh.replaceAll("[0-9a-f-]{36}", "ID"));
        assertThat(TestMailServer.awaitMessages(email, "Someone tried to sign up with your email address", 1)).hasSize(1);
        assertThat(TestMailServer.awaitMessages(email, "Confirm your email address", 1)).hasSize(1);
    }

    @Test
    void signInWaitsForAVerifiedAddressAndTellsOnlyTheOwner() {
        String email = anyEmail();
        register(email, PASSWORD).expectStatus().isCreated();

        client.post().uri("/auth/login").contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("email", email, "password", "a wrong guess"))
                .exchange().expectStatus().isUnauthorized();
        client.post().uri("/auth/login").contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("email", email, "password", PASSWORD))
                .exchange().expectStatus().isForbidden().expectBody().jsonPath("$.errors[0].code").isEqualTo("auth.email_unverified");

        client.post().uri("/users/verify-email").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("token", TestMailServer.awaitToken(email, "Confirm your email address", 1))).exchange().expectStatus().isOk();

        client.post().uri("/auth/login").contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("email", email, "password", PASSWORD))
                .exchange().expectStatus().isOk();
    }

    @Test
    void refusesABreachedPasswordSendingOnlyFiveCharactersOfItsHash() {
        register(anyEmail(), BREACHED).expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].code").isEqualTo("password.breached");

        String hash = sha1(BREACHED);
        assertThat(RANGE_REQUESTS).contains("/range/" + hash.substring(0, 5)).noneMatch(path -> path.contains(hash.substring(5)));
    }

    private static HttpServer rangeApiKnowing(String breached) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            String hash = sha1(breached);
            server.createContext("/range/", exchange -> {
                RANGE_REQUESTS.add(exchange.getRequestURI().getPath());
                String prefix = exchange.getRequestURI().getPath().substring("/range/".length());
                String body = (prefix.equals(hash.substring(0, 5)) ? hash.substring(5) + ":42\r\n" : "")
                        + "0000000000000000000000000000000000A:0";
                byte[] bytes = body.getBytes(StandardCharsets.US_ASCII);
                exchange.sendResponseHeaders(200, bytes.length);
                exchange.getResponseBody().write(bytes);
                exchange.close();
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String sha1(String text) {
        try {
            return HexFormat.of().withUpperCase().formatHex(MessageDigest.getInstance("SHA-1").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
