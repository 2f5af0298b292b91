package dev.accounts.adapters.web.ratelimit;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class LocalClientBucketsTest {

    private final RateLimitRule registerRule = new RateLimitRule("register", 10, Duration.ofHours(1), 5);
    private final LocalClientBuckets buckets = new LocalClientBuckets(1000, Duration.ofHours(1));

    @Test
    void allowsTheBurstThenRefusesWithTheTimeToTheNextToken() {
        for (int i = 4; i >= 0; i--) {
            ClientBuckets.Probe probe = buckets.tryConsume("203.0.113.9", registerRule).block();
            assertThat(probe.allowed()).isTrue();
            assertThat(probe.remaining()).isEqualTo(i);
        }

        ClientBuckets.Probe refused = buckets.tryConsume("203.0.113.9", registerRule).block();

        assertThat(refused.allowed()).isFalse();
        assertThat(refused.waitTime()).isBetween(Duration.ofMinutes(5), Duration.ofMinutes(6));
    }

    @Test
    void keepsOneBucketPerClientAndRule() {
        for (int i = 0; i < 5; i++) {
            buckets.tryConsume("203.0.113.9", registerRule).block();
        }

        assertThat(buckets.tryConsume("203.0.113.10", registerRule).block().allowed()).isTrue();
        assertThat(buckets.tryConsume("203.0.113.9", new RateLimitRule("login", 30, Duration.ofMinutes(1), 30)).block().allowed()).isTrue();
    }

    @Test
    void announcesThePolicyInTheIetfFormat() {
        assertThat(registerRule.policy()).isEqualTo("\"register\";q=10;w=3600");
    }
}
