package dev.accounts.adapters.web.ratelimit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import reactor.core.publisher.Mono;

import java.time.Duration;

/**
 * Buckets in this process's memory, for one instance. The map is bounded and forgets idle clients, so a
 * flood of distinct addresses costs a fixed amount of memory (a forgotten client starts with a full bucket).
 */
public final class LocalClientBuckets implements ClientBuckets {

    private final Cache<String, Bucket> buckets;

    public LocalClientBuckets(long maxClients, Duration idleExpiry) {
        // Upkeep on the caller: handing it to the common pool would wake a thread on every new client.
        this.buckets = Caffeine.newBuilder().executor(Runnable::run).maximumSize(maxClients).expireAfterAccess(idleExpiry).build();
    }

    @Override
    public Mono<Probe> tryConsume(String client, RateLimitRule rule) {
        return Mono.fromSupplier(() -> {
            Bucket bucket = buckets.get(rule.name() + ":" + client, key -> Bucket.builder().addLimit(rule.bandwidth()).build());
            return probe(bucket.tryConsumeAndReturnRemaining(1));
        });
    }

    @Override
    public Mono<Void> refund(String client, RateLimitRule rule) {
        return Mono.fromRunnable(() -> {
            Bucket bucket = buckets.getIfPresent(rule.name() + ":" + client);
            if (bucket != null) {
                bucket.addTokens(1);
            }
        });
    }

    static Probe probe(ConsumptionProbe probe) {
        return probe.isConsumed()
                ? new Probe(true, probe.getRemainingTokens(), Duration.ofNanos(Math.max(0, probe.getNanosToWaitForReset())))
                : new Probe(false, 0, Duration.ofNanos(probe.getNanosToWaitForRefill()));
    }
}
