package dev.accounts.adapters.web.ratelimit;

import dev.accounts.adapters.web.client.ClientAddresses;
import dev.accounts.adapters.web.problem.ProblemResponses;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
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
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    private WebTestClient clientWith(ClientBuckets buckets) {
        return clientWith(buckets, HttpStatus.OK);
    }

    /** The handler behind the filter answers {@code status}, or the status named in an {@code X-Answer} header. */
    private WebTestClient clientWith(ClientBuckets buckets, HttpStatus status) {
        RateLimitFilter filter = new RateLimitFilter(Map.of("/auth/login", new RateLimitRule("login", 30, Duration.ofMinutes(1), 2)),
                buckets, new ClientAddresses(List.of()), new ProblemResponses(JsonMapper.builder().addMixIn(ProblemDetail.class, ProblemDetailJacksonMixin.class).build()),
                meters);
        return WebTestClient.bindToWebHandler(exchange -> {
            handled.incrementAndGet();
            String answer = exchange.getRequest().getHeaders().getFirst("X-Answer");
            exchange.getResponse().setStatusCode(answer == null ? status : HttpStatus.valueOf(Integer.parseInt(answer)));
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
        assertThat(meters.get("accounts.rate_limit.refusals").tag("rule", "login").counter().count()).isEqualTo(1);
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
    void givesBackTheTokensOfRequestsRefusedForTheirShape() {
        WebTestClient client = clientWith(new LocalClientBuckets(100, Duration.ofMinutes(5)));

        for (int status : new int[]{400, 413, 415, 400, 400}) {
            client.post().uri("/auth/login").header("X-Answer", Integer.toString(status)).exchange().expectStatus().isEqualTo(status)
                    .expectHeader().valueEquals("RateLimit", "\"login\";r=2;t=0");
        }

        client.post().uri("/auth/login").exchange().expectStatus().isOk();
        client.post().uri("/auth/login").header("X-Answer", "409").exchange().expectStatus().isEqualTo(HttpStatus.CONFLICT);
        client.post().uri("/auth/login").exchange().expectStatus().isEqualTo(HttpStatus.TOO_MANY_REQUESTS)
                .expectBody().jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("ACCOUNTS_RATE_LIMIT_ENABLED=false"));
    }

    @Test
    void letsRequestsThroughWhenTheStoreFails() {
        WebTestClient client = clientWith(new ClientBuckets() {
            @Override
            public Mono<Probe> tryConsume(String client, RateLimitRule rule) {
                return Mono.error(new IllegalStateException("redis down"));
            }

            @Override
            public Mono<Void> refund(String client, RateLimitRule rule) {
                return Mono.error(new IllegalStateException("redis down"));
            }
        }, HttpStatus.BAD_REQUEST);

        for (int i = 0; i < 5; i++) {
            client.post().uri("/auth/login").exchange().expectStatus().isBadRequest();
        }
    }

}
