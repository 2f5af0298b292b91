package dev.accounts.domain.user;

import dev.accounts.domain.validation.Violation;

/** Why a string is not an acceptable email address. */
public enum EmailProblem {
    /** Nothing but white space, or nothing at all. */
    MISSING(new Violation("email", "email.required", "Email is required.")),
    /** Longer than SMTP allows: 254 characters in all, 64 octets before the {@code @}, 63 per domain label. */
    TOO_LONG(new Violation("email", "email.too_long", "Email must be at most 254 characters, with at most 64 before the @.")),
    /** Not a dot-atom local part, an {@code @}, and a domain name with at least one dot. */
    MALFORMED(new Violation("email", "email.invalid", "Email must be a valid email address, such as name@example.com."));

    private final Violation violation;

    EmailProblem(Violation violation) {
        this.violation = violation;
    }

    /** The problem as the {@code email} field's violation, the same wherever an address is asked for. */
    public Violation violation() {
        return violation;
    }
}
