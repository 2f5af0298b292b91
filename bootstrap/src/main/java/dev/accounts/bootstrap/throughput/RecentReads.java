package dev.accounts.bootstrap.throughput;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.util.function.Supplier;

/**
 * What was read by key lately, for {@code memory}. A change through this instance forgets the key, and a
 * read that began before that change is not remembered when it ends, so this instance never serves a
 * state older than its own last change; changes through other instances are seen within {@code memory}.
 */
final class RecentReads<K, V> {

    // Upkeep runs on the caller: handing it to the common pool would wake a thread on every request.
    private final Cache<K, V> values;
    /** When each key last changed through this instance, as long as a read begun before might still end. */
    private final Cache<K, Long> changedAt;

    RecentReads(long maximumSize, Duration memory) {
        long size = memory.isZero() ? 0 : maximumSize;
        this.values = Caffeine.newBuilder().executor(Runnable::run).maximumSize(size).expireAfterWrite(memory).build();
        this.changedAt = Caffeine.newBuilder().executor(Runnable::run).maximumSize(size).expireAfterWrite(memory.plusMinutes(1)).build();
    }

    Mono<V> read(K key, Supplier<Mono<V>> load) {
        return Mono.defer(() -> {
            V known = values.getIfPresent(key);
            if (known != null) {
                return Mono.just(known);
            }
            long began = System.nanoTime();
            return load.get().doOnNext(value -> values.asMap().compute(key, (ignored, current) -> {
                Long changed = changedAt.getIfPresent(key);
                return changed != null && changed - began >= 0 ? current : value;
            }));
        });
    }

    /** Atomic with {@link #read}'s remembering, per key, so no read can slip a stale value in between. */
    void changed(K key) {
        values.asMap().compute(key, (ignored, current) -> {
            changedAt.put(key, System.nanoTime());
            return null;
        });
    }
}
