package dev.accounts.application.port.in;

import dev.accounts.application.port.in.SignOutUseCase.AccessTokenSignOut;
import reactor.core.publisher.Mono;

/** Use case: a signed-in user ends every session of theirs, on every device. */
public interface SignOutEverywhereUseCase {

    Mono<AccessTokenSignOut> signOutEverywhere(AccountCommand command);
}
