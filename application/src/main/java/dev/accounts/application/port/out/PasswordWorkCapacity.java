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
     * cancellation. The request may wait for a place; it fails with {@link TemporarilyUnavailableException},
     * without subscribing to {@code work}, when it would wait too long.
     *
     * @param client the address the request came from: one client's burst must not take every place
     */
    <T> Mono<T> admit(String client, Mono<T> work);
}
