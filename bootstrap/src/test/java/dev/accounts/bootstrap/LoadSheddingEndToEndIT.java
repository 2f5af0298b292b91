package dev.accounts.bootstrap;

import dev.accounts.adapters.security.password.HashingExecutor;
import dev.accounts.adapters.security.password.PasswordWorkQueue;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With every hashing thread busy and no time left to wait, password work is refused and nothing else slows;
 * and one address cannot hold more connections than its share.
 */
@TestPropertySource(properties = {"accounts.hashing.threads=1", "accounts.hashing.concurrency=1", "accounts.hashing.max-wait=100ms",
        "accounts.server.max-connections-per-address=25"})
class LoadSheddingEndToEndIT extends EndToEndTest {

    private static final String PASSWORD = "tangerine otter kayak mosaic";

    @Autowired
    WebTestClient client;

    @Autowired
    HashingExecutor hashing;

    @Autowired
    PasswordWorkQueue queue;

    @LocalServerPort
    int port;

    @Test
    void closesConnectionsPastOneAddressesShare() throws Exception {
        List<Socket> held = new ArrayList<>();
        int closedAtOnce = 0;
        try {
            for (int i = 0; i < 30; i++) {
                held.add(new Socket("127.0.0.1", port));
            }
            for (Socket socket : held) {
                socket.setSoTimeout(200);
                try {
                    closedAtOnce += socket.getInputStream().read() == -1 ? 1 : 0;
                } catch (SocketTimeoutException stillOpen) {
                    // within the address's share
                } catch (IOException reset) {
                    closedAtOnce++;
                }
            }
        } finally {
            for (Socket socket : held) {
                socket.close();
            }
        }

        assertThat(closedAtOnce).isGreaterThanOrEqualTo(5);
        client.get().uri("/actuator/health/liveness").exchange().expectStatus().isOk();
    }

    private WebTestClient.ResponseSpec register(String email) {
        return client.post().uri("/users/register").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("email", email, "password", PASSWORD, "confirmPassword", PASSWORD)).exchange();
    }

    @Test
    void answers503WhileHashingIsSaturatedAndServesEverythingElse() throws InterruptedException {
        String existing = anyEmail();
        register(existing).expectStatus().isCreated();
        PrometheusScrape before = PrometheusScrape.of(client);
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch busy = new CountDownLatch(1);
        queue.admit("203.0.113.99", hashing.submit(() -> {
            busy.countDown();
            return release.await(30, TimeUnit.SECONDS);
        })).subscribe();
        busy.await(10, TimeUnit.SECONDS);
        try {
            register(anyEmail()).expectStatus().isEqualTo(HttpStatus.SERVICE_UNAVAILABLE)
                    .expectHeader().valueEquals(HttpHeaders.RETRY_AFTER, "1")
                    .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
            client.post().uri("/auth/login").contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(Map.of("email", existing, "password", PASSWORD)).exchange()
                    .expectStatus().isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);

            register(existing).expectStatus().isEqualTo(HttpStatus.CONFLICT);
            register("not-an-email").expectStatus().isBadRequest();
            client.get().uri("/actuator/health/liveness").exchange().expectStatus().isOk();
            client.get().uri("/.well-known/jwks.json").exchange().expectStatus().isOk();
        } finally {
            release.countDown();
        }
        PrometheusScrape after = PrometheusScrape.of(client);
        assertThat(after.since(before, "accounts_sign_ups_total", "outcome=\"shed\"")).isEqualTo(1);
        assertThat(after.since(before, "accounts_sign_ins_total", "outcome=\"shed\"")).isEqualTo(1);
        // Refused at once or after waiting, depending on how long the queue has seen requests hold a place so far.
        assertThat(after.since(before, "accounts_password_work_refusals_total")).isEqualTo(2);

        // the blocking work ends a moment after its release; then sign-ups go through again
        String email = anyEmail();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        int status;
        do {
            status = register(email).expectBody().returnResult().getStatus().value();
        } while (status == 503 && System.nanoTime() < deadline);
        assertThat(status).isEqualTo(201);
    }

    /**
     * A client that comes straight back on the same connection after a 503 is answered no sooner than its
     * Retry-After; one that comes on a new connection is answered at once.
     */
    @Test
    void holdsARetryThatIgnoredRetryAfterOnItsConnection() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch busy = new CountDownLatch(1);
        queue.admit("203.0.113.98", hashing.submit(() -> {
            busy.countDown();
            return release.await(30, TimeUnit.SECONDS);
        })).subscribe();
        busy.await(10, TimeUnit.SECONDS);
        try (Socket impatient = new Socket("127.0.0.1", port); Socket newcomer = new Socket("127.0.0.1", port)) {
            impatient.setSoTimeout(10_000);
            newcomer.setSoTimeout(10_000);

            assertThat(exchange(impatient)).startsWith("HTTP/1.1 503").contains("Retry-After: 1");
            long retried = System.nanoTime();
            assertThat(exchange(impatient)).startsWith("HTTP/1.1 503");
            long held = System.nanoTime() - retried;
            long fresh = System.nanoTime();
            assertThat(exchange(newcomer)).startsWith("HTTP/1.1 503");

            assertThat(Duration.ofNanos(held)).isGreaterThan(Duration.ofMillis(900));
            assertThat(Duration.ofNanos(System.nanoTime() - fresh)).isLessThan(Duration.ofMillis(900));
        } finally {
            release.countDown();
        }
    }

    /** One keep-alive request for a new account, and its whole answer (headers and body) as text. */
    private String exchange(Socket socket) throws IOException {
        String body = "{\"email\":\"" + anyEmail() + "\",\"password\":\"" + PASSWORD + "\",\"confirmPassword\":\"" + PASSWORD + "\"}";
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        socket.getOutputStream().write(("POST /users/register HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                + "Content-Length: " + bytes.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        socket.getOutputStream().write(bytes);
        socket.getOutputStream().flush();
        InputStream in = socket.getInputStream();
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            int next = in.read();
            if (next < 0) {
                throw new IOException("closed after " + head);
            }
            head.append((char) next);
        }
        Matcher length = Pattern.compile("(?i)content-length: (\\d+)").matcher(head);
        int remaining = length.find() ? Integer.parseInt(length.group(1)) : 0;
        byte[] answer = in.readNBytes(remaining);
        return head + new String(answer, StandardCharsets.UTF_8);
    }
}
