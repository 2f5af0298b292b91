package dev.accounts.application.port.in;

import reactor.core.publisher.Mono;

/** Use case: a registered user signs in with email and password and receives a session. */
public interface SignInUseCase {

    Mono<SignInResult> signIn(SignInCommand command);
}
