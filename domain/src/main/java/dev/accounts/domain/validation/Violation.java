package dev.accounts.domain.validation;

import java.util.Objects;

/**
 * One broken rule: the input field it concerns, a stable machine-readable code such as
 * {@code email.taken}, and an English message for people.
 */
public record Violation(String field, String code, String message) {

    public Violation {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
    }
}
