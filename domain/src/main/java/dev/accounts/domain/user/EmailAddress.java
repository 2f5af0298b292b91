package dev.accounts.domain.user;

import java.util.Objects;
import java.util.Optional;

/** An email address as the user typed it, trimmed; {@link #key()} identifies the account. */
public record EmailAddress(String value) {

    public EmailAddress {
        Objects.requireNonNull(value, "value");
        value = value.strip();
        if (EmailSyntax.problemWith(value).isPresent()) {
            throw new IllegalArgumentException("invalid email address"); // callers collect violations first
        }
    }

    /** Why {@code raw} would not make an email address; empty when it would. Null counts as missing. */
    public static Optional<EmailProblem> problemWith(String raw) {
        return raw == null ? Optional.of(EmailProblem.MISSING) : EmailSyntax.problemWith(raw.strip());
    }

    /**
     * "Alice@Example.com", "alice@example.COM" and "alice@EXAMPLE.com" are one account, and so are
     * an internationalised domain and its ASCII (punycode) form.
     */
    public String key() {
        return EmailSyntax.key(value);
    }

    /** The part before the {@code @}, as typed. */
    public String localPart() {
        return EmailSyntax.localPart(value);
    }
}
