package dev.accounts.bootstrap;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One address keeping sixty sign-ins in flight fills the password-work queue; a person signing in from
 * another address still gets in, because the queue serves the addresses in turn. With one queue for all,
 * the second address would wait behind the whole burst and be refused.
 */
@TestPropertySource(properties = {"accounts.rate-limit.enabled=true", "accounts.rate-limit.trusted-proxies=127.0.0.1,::1",
        "accounts.rate-limit.login.limit=100000", "accounts.rate-limit.login.burst=100000",
        "accounts.hashing.threads=1", "accounts.hashing.concurrency=2", "accounts.hashing.max-wait=1s"})
class FairAdmissionEndToEndIT extends EndToEndTest {

    private static final String PASSWORD = "tangerine otter kayak mosaic";
    /** Twice what the queue holds in a second at one hashing thread: the flood is refused at times. */
    private static final int FLOODERS = 60;

    @Autowired
    WebTestClient client;

    private int login(String from, String email, String password) {
        return client.post().uri("/auth/login").contentType(MediaType.APPLICATION_JSON).header("X-Forwarded-For", from)
                .bodyValue(Map.of("email", email, "password", password)).exchange().expectBody().returnResult().getStatus().value();
    }

    @Test
    void letsAPersonFromAnotherAddressSignInWhileOneAddressFloodsThePool() throws Exception {
        String email = anyEmail();
        client.post().uri("/users/register").contentType(MediaType.APPLICATION_JSON).header("X-Forwarded-For", "198.51.100.41")
                .bodyValue(Map.of("email", email, "password", PASSWORD, "confirmPassword", PASSWORD)).exchange().expectStatus().isCreated();
        AtomicBoolean flooding = new AtomicBoolean(true);
        ExecutorService flooders = Executors.newFixedThreadPool(FLOODERS);
        List<Future<List<Integer>>> flood = new ArrayList<>();
        for (int i = 0; i < FLOODERS; i++) {
            flood.add(flooders.submit(() -> {
                List<Integer> statuses = new ArrayList<>();
                while (flooding.get()) {
                    statuses.add(login("198.51.100.40", anyEmail(), "a guess"));
                }
                return statuses;
            }));
        }
        Thread.sleep(1_000);

        List<Integer> person = List.of(login("198.51.100.41", email, PASSWORD), login("198.51.100.41", email, PASSWORD),
                login("198.51.100.41", email, PASSWORD));
        flooding.set(false);
        List<Integer> flooder = new ArrayList<>();
        for (Future<List<Integer>> statuses : flood) {
            flooder.addAll(statuses.get(30, TimeUnit.SECONDS));
        }
        flooders.shutdown();

        assertThat(flooder).as("the flood was refused at times: the pool was full").contains(503);
        assertThat(person).containsOnly(200);
    }
}
