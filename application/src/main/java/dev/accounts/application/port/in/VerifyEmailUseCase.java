package dev.accounts.application.port.in;

import reactor.core.publisher.Mono;

/** Use case: the owner of an address follows the link a verification message carried. */
public interface VerifyEmailUseCase {

    Mono<Outcome> verify(String token);

    enum Outcome {
        VERIFIED,
        /** Unknown, used, superseded or expired: the caller cannot learn which. */
        INVALID_TOKEN
    }
}
