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
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

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

        // the blocking work ends a moment after its release; then sign-ups go through again
        String email = anyEmail();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        int status;
        do {
            status = register(email).expectBody().returnResult().getStatus().value();
        } while (status == 503 && System.nanoTime() < deadline);
        assertThat(status).isEqualTo(201);
    }
}
