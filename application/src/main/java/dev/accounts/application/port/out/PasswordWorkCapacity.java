package dev.accounts.application.port.out;

import reactor.core.publisher.Mono;

/**
 * This instance's capacity for CPU-heavy password work: strength estimates, hashes and verifications.
 * A request holds one place from its first piece of such work to its last, so a request that is let in
 * is never refused half-way, and one that cannot be let in is refused before anything is spent on it.
 */
public interface PasswordWorkCapacity {

    /**
     * Runs {@code work} holding a place, which is given back however the work ends: value, error or
     * cancellation. Fails at once with {@link TemporarilyUnavailableException}, without subscribing to
     * {@code work}, when every place is taken.
     */
    <T> Mono<T> admit(Mono<T> work);
}
