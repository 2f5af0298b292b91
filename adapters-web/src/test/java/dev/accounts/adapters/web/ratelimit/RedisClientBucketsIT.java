package dev.accounts.adapters.web.ratelimit;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Against a real Redis: the one on 127.0.0.1:6379 (or REDIS_URL), which .ci/run starts where the machine has
 * one. Without it these tests are skipped, and say so, rather than pass without having run.
 */
class RedisClientBucketsIT {

    private static final String REDIS_URL = System.getenv().getOrDefault("REDIS_URL", "redis://127.0.0.1:6379");

    private RedisClient client;

    @BeforeEach
    void connect() {
        client = RedisClient.create(RedisURI.create(REDIS_URL));
        boolean answers;
        try (var connection = client.connect()) {
            answers = "PONG".equals(connection.sync().ping());
        } catch (RuntimeException unreachable) {
            answers = false;
        }
        assumeTrue(answers, "no Redis answers at " + REDIS_URL + ": the Redis rate-limit tests are skipped");
    }

    @AfterEach
    void disconnect() {
        client.shutdown();
    }

    @Test
    void sharesOneBucketBetweenInstances() {
        RateLimitRule rule = new RateLimitRule("it-" + UUID.randomUUID(), 10, Duration.ofHours(1), 3);
        try (RedisClientBuckets first = new RedisClientBuckets(client, Duration.ofSeconds(2));
             RedisClientBuckets second = new RedisClientBuckets(client, Duration.ofSeconds(2))) {

            assertThat(first.tryConsume("203.0.113.9", rule).block().allowed()).isTrue();
            assertThat(second.tryConsume("203.0.113.9", rule).block().allowed()).isTrue();
            assertThat(first.tryConsume("203.0.113.9", rule).block().remaining()).isZero();

            ClientBuckets.Probe refused = second.tryConsume("203.0.113.9", rule).block();
            assertThat(refused.allowed()).isFalse();
            assertThat(refused.waitTime()).isPositive();
            assertThat(first.tryConsume("198.51.100.1", rule).block().allowed()).isTrue();
        }
    }

    @Test
    void givesARefundedTokenBackToEveryInstance() {
        RateLimitRule rule = new RateLimitRule("it-" + UUID.randomUUID(), 10, Duration.ofHours(1), 1);
        try (RedisClientBuckets first = new RedisClientBuckets(client, Duration.ofSeconds(2));
             RedisClientBuckets second = new RedisClientBuckets(client, Duration.ofSeconds(2))) {

            assertThat(first.tryConsume("203.0.113.9", rule).block().allowed()).isTrue();
            assertThat(second.tryConsume("203.0.113.9", rule).block().allowed()).isFalse();
            first.refund("203.0.113.9", rule).block();

            assertThat(second.tryConsume("203.0.113.9", rule).block().allowed()).isTrue();
        }
    }

    @Test
    void letsKeysExpireOnceTheBucketWouldBeFull() {
        RateLimitRule rule = new RateLimitRule("it-" + UUID.randomUUID(), 60, Duration.ofMinutes(1), 5);
        try (RedisClientBuckets buckets = new RedisClientBuckets(client, Duration.ofSeconds(2));
             var connection = client.connect()) {

            buckets.tryConsume("203.0.113.9", rule).block();

            long ttl = connection.sync().pttl(RedisClientBuckets.KEY_PREFIX + rule.name() + ":203.0.113.9");
            assertThat(ttl).isPositive().isLessThanOrEqualTo(Duration.ofMinutes(2).toMillis());
        }
    }
}
