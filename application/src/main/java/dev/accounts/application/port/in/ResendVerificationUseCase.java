package dev.accounts.application.port.in;

import reactor.core.publisher.Mono;

/** Use case: anyone asks for a new verification link for an address; only an unverified account's owner gets one. */
public interface ResendVerificationUseCase {

    Mono<MailRequestResult> resend(String email);
}
