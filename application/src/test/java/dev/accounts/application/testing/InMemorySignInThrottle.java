package dev.accounts.application.testing;

import dev.accounts.application.port.out.SignInThrottle;
import dev.accounts.domain.signin.FailureRecord;
import reactor.core.publisher.Mono;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

public final class InMemorySignInThrottle implements SignInThrottle {

    private final Map<String, FailureRecord> failuresByKey = new ConcurrentHashMap<>();

    @Override
    public Mono<FailureRecord> failures(String key) {
        return Mono.fromSupplier(() -> failuresByKey.get(key));
    }

    @Override
    public Mono<FailureRecord> recordFailure(String key, Instant at) {
        return Mono.fromSupplier(() -> failuresByKey.merge(key, new FailureRecord(1, at),
                (old, one) -> new FailureRecord(old.consecutiveFailures() + 1, at)));
    }

    @Override
    public Mono<Void> reset(String key) {
        return Mono.fromRunnable(() -> failuresByKey.remove(key));
    }

    @Override
    public Mono<Long> forgetFailuresBefore(Instant before) {
        return Mono.fromSupplier(() -> {
            long size = failuresByKey.size();
            failuresByKey.values().removeIf(failures -> failures.lastFailureAt().isBefore(before));
            return size - failuresByKey.size();
        });
    }
}
