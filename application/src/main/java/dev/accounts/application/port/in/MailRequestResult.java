package dev.accounts.application.port.in;

import dev.accounts.domain.validation.Violation;

import java.util.List;

/**
 * The answer to a request for a mailed link, which is the same whether or not an account has the address,
 * and whether or not a message was sent.
 */
public sealed interface MailRequestResult {

    record Accepted() implements MailRequestResult {
    }

    /** The address is no email address at all. */
    record Rejected(List<Violation> violations) implements MailRequestResult {

        public Rejected {
            violations = List.copyOf(violations);
        }
    }
}
