package dev.accounts.domain.credentials;

import dev.accounts.domain.validation.Text;
import dev.accounts.domain.validation.Violation;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The rules a new password must pass, wherever it is chosen: at sign-up, and when it is changed or reset.
 * The cheap rules run together ({@link #check}); guessability is judged separately and last
 * ({@link #strengthViolation}), since the estimate costs milliseconds of CPU that a password refused anyway
 * must not get to spend. There are no composition rules ("must contain a digit"): NIST SP 800-63B-4 advises
 * against them; length and guessability decide.
 */
public final class PasswordRules {

    /** An identifier this short ("jo") is part of too many good passwords to forbid. */
    static final int MIN_IDENTIFIER_LENGTH_TO_FORBID = 3;

    /** A password found in a breach corpus: attackers try those first, whatever their estimated strength. */
    public static final Violation BREACHED = new Violation("password", "password.breached",
            "This password has appeared in a data breach, so attackers try it first. Choose another.");

    private final PasswordPolicy policy;

    public PasswordRules(PasswordPolicy policy) {
        this.policy = Objects.requireNonNull(policy, "policy");
    }

    public PasswordPolicy policy() {
        return policy;
    }

    /**
     * The password, normalised, or every violation of the cheap rules.
     *
     * @param identifiers what names the account (an email's local part): a password must not contain it
     */
    public Checked check(String password, String confirmation, Collection<String> identifiers) {
        Optional<Violation> unusable = Password.unusable(password);
        if (unusable.isPresent()) {
            return new Checked(Optional.empty(), List.of(unusable.get()));
        }
        Password normalised = Password.normalise(password);
        List<Violation> violations = new ArrayList<>();
        lengthViolation(normalised).ifPresent(violations::add);
        if (identifiers.stream().anyMatch(identifier -> Text.codePointLength(identifier) >= MIN_IDENTIFIER_LENGTH_TO_FORBID
                && normalised.containsIgnoringCase(identifier))) {
            violations.add(new Violation("password", "password.contains_email", "Password must not contain your email address."));
        }
        if (confirmation == null || confirmation.isEmpty()) {
            violations.add(new Violation("confirmPassword", "confirmPassword.required", "Confirm the password by typing it again."));
        } else if (!Password.normalise(confirmation).equals(normalised)) {
            violations.add(new Violation("confirmPassword", "password.mismatch", "Password and confirmation password do not match."));
        }
        return new Checked(Optional.of(normalised), violations);
    }

    /** The last rule: {@code password.too_weak} for a guessable password, passing the estimator's advice on. */
    public Optional<Violation> strengthViolation(PasswordStrength strength) {
        if (strength.isAcceptable()) {
            return Optional.empty();
        }
        String advice = Stream.concat(Stream.of(strength.warning()), strength.suggestions().stream())
                .filter(text -> !text.isBlank())
                .map(text -> text.endsWith(".") ? text : text + ".")
                .collect(Collectors.joining(" "));
        return Optional.of(new Violation("password", "password.too_weak", "Password is too easy to guess." + (advice.isEmpty() ? "" : " " + advice)));
    }

    private Optional<Violation> lengthViolation(Password password) {
        if (password.length() < policy.minLength()) {
            return Optional.of(new Violation("password", "password.too_short", "Password must be at least " + policy.minLength() + " characters."));
        }
        if (password.length() > policy.maxLength()) {
            return Optional.of(new Violation("password", "password.too_long", "Password must be at most " + policy.maxLength() + " characters."));
        }
        if (policy.maxUtf8Bytes().isPresent() && password.utf8Length() > policy.maxUtf8Bytes().getAsInt()) {
            return Optional.of(new Violation("password", "password.too_long",
                    "Password must be at most " + policy.maxUtf8Bytes().getAsInt() + " bytes in UTF-8 (the hashing algorithm ignores the rest)."));
        }
        return Optional.empty();
    }

    /** A password that passed the cheap rules is present; violations may still name other fields (the confirmation). */
    public record Checked(Optional<Password> password, List<Violation> violations) {

        public Checked {
            violations = List.copyOf(violations);
        }
    }
}
