package dev.accounts.application.port.in;

import reactor.core.publisher.Mono;

/** Use case: a person registers an account with an email address and a password. */
public interface RegisterUserUseCase {

    /**
     * Completes with the outcome the person should be told about; errors only for failures nobody
     * planned for, or with {@link dev.accounts.application.port.out.TemporarilyUnavailableException}.
     */
    Mono<RegistrationResult> register(RegisterUserCommand command);
}
