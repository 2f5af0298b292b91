package dev.accounts.adapters.web.ratelimit;

import dev.accounts.adapters.web.client.ClientAddresses;
import dev.accounts.adapters.web.problem.ProblemResponses;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.json.ProblemDetailJacksonMixin;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class RateLimitFilterTest {

    private final AtomicInteger handled = new AtomicInteger();

    private WebTestClient clientWith(ClientBuckets buckets) {
        RateLimitFilter filter = new RateLimitFilter(Map.of("/auth/login", new RateLimitRule("login", 30, Duration.ofMinutes(1), 2)),
                buckets, new ClientAddresses(List.of()), new ProblemResponses(JsonMapper.builder().addMixIn(ProblemDetail.class, ProblemDetailJacksonMixin.class).build()));
        return WebTestClient.bindToWebHandler(exchange -> {
            handled.incrementAndGet();
            exchange.getResponse().setStatusCode(HttpStatus.OK);
            return exchange.getResponse().setComplete();
        }).webFilter(filter).build();
    }

    @Test
    void answers429WithRetryAfterAndRateLimitHeadersOnceTheBurstIsSpent() {
        WebTestClient client = clientWith(new LocalClientBuckets(100, Duration.ofMinutes(5)));

        client.post().uri("/auth/login").exchange().expectStatus().isOk()
                .expectHeader().valueEquals("RateLimit-Policy", "\"login\";q=30;w=60")
                .expectHeader().valueEquals("RateLimit", "\"login\";r=1;t=2");
        client.post().uri("/auth/login").exchange().expectStatus().isOk();
        client.post().uri("/auth/login").exchange().expectStatus().isEqualTo(HttpStatus.TOO_MANY_REQUESTS)
                .expectHeader().valueEquals("Retry-After", "2")
                .expectHeader().valueEquals("RateLimit", "\"login\";r=0;t=2")
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.errors[0].code").isEqualTo("rate_limit.exceeded");

        assertThat(handled).hasValue(2);
    }

    @Test
    void leavesOtherPathsAndMethodsAlone() {
        WebTestClient client = clientWith(new LocalClientBuckets(100, Duration.ofMinutes(5)));

        for (int i = 0; i < 5; i++) {
            client.post().uri("/auth/refresh").exchange().expectStatus().isOk().expectHeader().doesNotExist("RateLimit");
            client.get().uri("/auth/login").exchange().expectStatus().isOk();
        }
    }

    @Test
    void letsRequestsThroughWhenTheStoreFails() {
        WebTestClient client = clientWith((key, rule) -> Mono.error(new IllegalStateException("redis down")));

        for (int i = 0; i < 5; i++) {
            client.post().uri("/auth/login").exchange().expectStatus().isOk();
        }
    }

}
