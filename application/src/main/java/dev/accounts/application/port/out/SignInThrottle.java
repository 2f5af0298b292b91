package dev.accounts.application.port.out;

import dev.accounts.domain.signin.FailureRecord;
import reactor.core.publisher.Mono;

import java.time.Instant;

/** Consecutive failed sign-ins per email key, kept where every instance and restart sees them. */
public interface SignInThrottle {

    /** Empty when the key has no failures on record. */
    Mono<FailureRecord> failures(String key);

    /** Counts one more failure atomically, so concurrent guesses from many addresses all add up. */
    Mono<FailureRecord> recordFailure(String key, Instant at);

    Mono<Void> reset(String key);

    /** Forgets keys whose last failure is older than {@code before}; the number forgotten. */
    Mono<Long> forgetFailuresBefore(Instant before);
}
