package dev.accounts.application.port.in;

import dev.accounts.domain.user.EmailAddress;
import dev.accounts.domain.user.UserId;
import dev.accounts.domain.validation.Violation;

import java.util.List;

/** What became of a registration: every outcome a caller must handle, checked by the compiler. */
public sealed interface RegistrationResult {

    record Registered(UserId id) implements RegistrationResult {
    }

    record Rejected(List<Violation> violations) implements RegistrationResult {

        public Rejected {
            violations = List.copyOf(violations);
        }
    }

    record EmailTaken(EmailAddress email) implements RegistrationResult {
    }
}
