package dev.accounts.domain.registration;

import dev.accounts.domain.credentials.Password;
import dev.accounts.domain.user.EmailAddress;
import dev.accounts.domain.user.PersonName;
import dev.accounts.domain.validation.Violation;

import java.util.List;

/** The outcome of checking a registration form: the values to register, or every violation at once. */
public sealed interface RegistrationCheck {

    record Accepted(EmailAddress email, PersonName name, Password password) implements RegistrationCheck {
    }

    record Refused(List<Violation> violations) implements RegistrationCheck {

        public Refused {
            if (violations.isEmpty()) {
                throw new IllegalArgumentException("a refusal names at least one violation");
            }
            violations = List.copyOf(violations);
        }
    }
}
