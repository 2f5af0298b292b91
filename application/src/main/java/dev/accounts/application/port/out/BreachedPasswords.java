package dev.accounts.application.port.out;

import dev.accounts.domain.credentials.Password;
import reactor.core.publisher.Mono;

/** Knows passwords that have appeared in data breaches, which attackers try before any other. */
public interface BreachedPasswords {

    /**
     * Whether the password is known breached. When the source cannot answer, the adapter decides by its
     * configuration (fail open: false; fail closed: {@link TemporarilyUnavailableException}).
     */
    Mono<Boolean> isBreached(Password password);

    /** For when no breach corpus is configured. */
    static BreachedPasswords none() {
        return password -> Mono.just(false);
    }
}
