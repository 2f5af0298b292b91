package dev.accounts.bootstrap;

import dev.accounts.adapters.persistence.testing.TestPostgres;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Health probes, security headers, and a database outage from the outside: 503s, no lost or phantom users, recovery. */
class OperationsEndToEndIT extends EndToEndTest {

    private static final String PASSWORD = "tangerine otter kayak mosaic";

    @Autowired
    WebTestClient client;

    @Autowired
    DatabaseClient database;

    @LocalServerPort
    int port;

    private WebTestClient.ResponseSpec register(String email) {
        return client.post().uri("/users/register").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("email", email, "password", PASSWORD, "confirmPassword", PASSWORD)).exchange();
    }

    @Test
    void reportsLivenessAndReadinessAndExposesNothingElse() {
        client.get().uri("/actuator/health/liveness").exchange().expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("UP");
        client.get().uri("/actuator/health/readiness").exchange().expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("UP");
        client.get().uri("/actuator/env").exchange().expectStatus().isNotFound();
        client.get().uri("/actuator/beans").exchange().expectStatus().isNotFound();
        client.get().uri("/actuator").exchange().expectStatus().isNotFound();
        client.get().uri("/actuator/health").exchange().expectStatus().isNotFound();
        client.get().uri("/actuator/health/r2dbc").exchange().expectStatus().isNotFound();
        client.get().uri(java.net.URI.create("http://localhost:" + port + "/actuator;x/health")).exchange().expectStatus().isNotFound();
    }

    /**
     * A client that sends its next request the moment it has read an answer, as browsers, proxies and load
     * testers do. Reactor Netty 1.3.6 stopped reading such a connection about once in a thousand bodiless
     * requests (health probes, {@code GET /users/me}) when one arrived before the previous one's operations
     * had ended: that request hung.
     */
    @Test
    void answersEveryRequestOnAKeepAliveConnection() throws IOException {
        byte[] liveness = "GET /actuator/health/liveness HTTP/1.1\r\nHost: localhost\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(2_000);
            InputStream in = new BufferedInputStream(socket.getInputStream());
            OutputStream out = socket.getOutputStream();
            for (int i = 0; i < 5_000; i++) {
                out.write(liveness);
                out.flush();
                assertThat(statusOfNextAnswer(in)).as("answer %d", i).isEqualTo(200);
            }
        }
    }

    /** Reads one HTTP/1.1 answer with a {@code Content-Length}, its body included, and returns its status. */
    private static int statusOfNextAnswer(InputStream in) throws IOException {
        int status = Integer.parseInt(line(in).split(" ")[1]);
        int length = 0;
        for (String header = line(in); !header.isEmpty(); header = line(in)) {
            if (header.regionMatches(true, 0, "Content-Length:", 0, 15)) {
                length = Integer.parseInt(header.substring(15).trim());
            }
        }
        in.readNBytes(length);
        return status;
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                throw new IOException("the connection closed in the middle of an answer");
            }
            if (b != '\r') {
                line.write(b);
            }
        }
        return line.toString(StandardCharsets.US_ASCII);
    }

    @Test
    void sendsSecurityHeadersWithEveryAnswer() {
        client.get().uri("/actuator/health/liveness").exchange()
                .expectHeader().valueEquals("X-Content-Type-Options", "nosniff")
                .expectHeader().exists("Content-Security-Policy")
                .expectHeader().exists("Referrer-Policy");
        register("not-an-email").expectStatus().isBadRequest()
                .expectHeader().valueEquals("X-Content-Type-Options", "nosniff")
                .expectHeader().valueEquals(HttpHeaders.CACHE_CONTROL, "no-store");
    }

    @Test
    void answers503DuringADatabaseOutageLosesNothingAndRecoversByItself() {
        String before = anyEmail();
        register(before).expectStatus().isCreated();
        List<String> refused = new ArrayList<>();

        TestPostgres.instance().interrupt();
        try {
            for (int i = 0; i < 3; i++) {
                String email = anyEmail();
                refused.add(email);
                register(email).expectStatus().isEqualTo(HttpStatus.SERVICE_UNAVAILABLE)
                        .expectHeader().exists(HttpHeaders.RETRY_AFTER)
                        .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                        .expectBody().jsonPath("$.status").isEqualTo(503);
            }
            client.post().uri("/auth/login").contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(Map.of("email", before, "password", PASSWORD)).exchange()
                    .expectStatus().isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
            client.get().uri("/actuator/health/readiness").exchange().expectStatus().isEqualTo(HttpStatus.SERVICE_UNAVAILABLE)
                    .expectBody().jsonPath("$.status").isEqualTo("DOWN");
            client.get().uri("/actuator/health/liveness").exchange().expectStatus().isOk();
            register("still-validated-without-a-database").expectStatus().isBadRequest();
            client.get().uri("/.well-known/jwks.json").exchange().expectStatus().isOk();
        } finally {
            TestPostgres.instance().resume();
        }

        String after = anyEmail();
        awaitStatus(after, 201);
        client.get().uri("/actuator/health/readiness").exchange().expectStatus().isOk();
        assertThat(rows(before)).isEqualTo(1);
        assertThat(refused).allSatisfy(email -> assertThat(rows(email)).isZero());
        refused.forEach(email -> register(email).expectStatus().isCreated());
    }

    private void awaitStatus(String email, int expected) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        int status;
        do {
            status = register(email).expectBody().returnResult().getStatus().value();
        } while (status != expected && System.nanoTime() < deadline);
        assertThat(status).as("status once the database is back").isEqualTo(expected);
    }

    private long rows(String email) {
        return database.sql("SELECT count(*) FROM users WHERE email_normalized = :key").bind("key", email)
                .map(row -> row.get(0, Long.class)).one().block();
    }
}
