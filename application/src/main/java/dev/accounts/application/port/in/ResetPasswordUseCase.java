package dev.accounts.application.port.in;

import dev.accounts.domain.validation.Violation;
import reactor.core.publisher.Mono;

import java.util.List;

/**
 * Use case: the owner follows a reset link and chooses a new password under the sign-up rules. Every
 * session of the account ends and its sign-in throttle is cleared.
 */
public interface ResetPasswordUseCase {

    Mono<Result> reset(String token, String password, String confirmPassword);

    sealed interface Result {
    }

    record PasswordReset() implements Result {
    }

    /** The new password breaks a rule; the token stays usable. */
    record Rejected(List<Violation> violations) implements Result {

        public Rejected {
            violations = List.copyOf(violations);
        }
    }

    /** Unknown, used, superseded or expired. */
    record InvalidToken() implements Result {
    }
}
