package dev.accounts.application.port.in;

import reactor.core.publisher.Mono;

/** Use case: anyone asks for a password-reset link for an address; only its account's owner gets one. */
public interface RequestPasswordResetUseCase {

    Mono<MailRequestResult> request(String email);
}
