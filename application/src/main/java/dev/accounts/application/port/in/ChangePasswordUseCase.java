package dev.accounts.application.port.in;

import reactor.core.publisher.Mono;

/**
 * Use case: a signed-in user chooses a new password, confirming the current one. Every other session of
 * theirs ends; the one that asked continues.
 */
public interface ChangePasswordUseCase {

    Mono<AccountChangeResult> change(AccountCommand command, String currentPassword, String password, String confirmPassword);
}
