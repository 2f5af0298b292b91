package dev.accounts.application.port.in;

import reactor.core.publisher.Mono;

/**
 * Use case: a signed-in user closes their account, re-entering the password. The user, their sessions,
 * tokens, sign-in failures and undelivered messages go together; the address can register again.
 */
public interface DeleteAccountUseCase {

    Mono<AccountChangeResult> delete(AccountCommand command, String password);
}
