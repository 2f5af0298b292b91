package dev.accounts.domain.user;

import java.util.Objects;
import java.util.Optional;

/** Reads email addresses as people type them: which are acceptable, and the key of each account. */
public final class EmailAddresses {

    private final EmailSyntax syntax;

    public EmailAddresses(DomainNames domainNames) {
        this.syntax = new EmailSyntax(Objects.requireNonNull(domainNames, "domainNames"));
    }

    /** Why {@code raw} would not make an email address; empty when it would. Null counts as missing. */
    public Optional<EmailProblem> problemWith(String raw) {
        return raw == null ? Optional.of(EmailProblem.MISSING) : syntax.problemWith(raw.strip());
    }

    /** The address {@code raw} makes, trimmed; for text that {@link #problemWith} accepts. */
    public EmailAddress parse(String raw) {
        Objects.requireNonNull(raw, "raw");
        String address = raw.strip();
        if (syntax.problemWith(address).isPresent()) {
            throw new IllegalArgumentException("invalid email address"); // callers collect violations first
        }
        return new EmailAddress(address, syntax.key(address));
    }

    /** The account key of {@code raw}, or empty when it is no email address at all. */
    public Optional<String> keyOf(String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        String address = raw.strip();
        return syntax.problemWith(address).isEmpty() ? Optional.of(syntax.key(address)) : Optional.empty();
    }
}
