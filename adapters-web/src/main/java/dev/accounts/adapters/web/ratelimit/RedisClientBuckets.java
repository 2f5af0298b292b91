package dev.accounts.adapters.web.ratelimit;

import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.AsyncProxyManager;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * Buckets in Redis, shared by every instance, through bucket4j's compare-and-swap over Lettuce. Keys
 * expire once their bucket would be full again, so Redis holds only clients that are being limited.
 */
public final class RedisClientBuckets implements ClientBuckets, AutoCloseable {

    static final String KEY_PREFIX = "accounts:rate-limit:";

    private final StatefulRedisConnection<String, byte[]> connection;
    private final AsyncProxyManager<String> buckets;

    public RedisClientBuckets(RedisClient client, Duration requestTimeout) {
        this.connection = client.connect(RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE));
        this.buckets = Bucket4jLettuce.casBasedBuilder(connection)
                .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ofMinutes(1)))
                .requestTimeout(requestTimeout)
                .build()
                .asAsync();
    }

    @Override
    public Mono<Probe> tryConsume(String client, RateLimitRule rule) {
        return Mono.defer(() -> Mono.fromFuture(buckets.builder()
                .build(KEY_PREFIX + rule.name() + ":" + client, configurationOf(rule))
                .tryConsumeAndReturnRemaining(1)))
                .map(LocalClientBuckets::probe);
    }

    @Override
    public Mono<Void> refund(String client, RateLimitRule rule) {
        return Mono.defer(() -> Mono.fromFuture(buckets.builder()
                .build(KEY_PREFIX + rule.name() + ":" + client, configurationOf(rule))
                .addTokens(1)));
    }

    private static Supplier<CompletableFuture<BucketConfiguration>> configurationOf(RateLimitRule rule) {
        return () -> CompletableFuture.completedFuture(rule.bucket());
    }

    @Override
    public void close() {
        connection.close();
    }
}
