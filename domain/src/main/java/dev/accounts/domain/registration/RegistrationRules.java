package dev.accounts.domain.registration;

import dev.accounts.domain.user.EmailAddress;
import dev.accounts.domain.user.EmailAddresses;
import dev.accounts.domain.user.EmailProblem;
import dev.accounts.domain.user.Password;
import dev.accounts.domain.user.PersonName;
import dev.accounts.domain.user.Text;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The rules a registration form must pass. The cheap rules all run together, so the person sees every
 * problem with the form at once. Guessability is judged separately and last ({@link #strengthViolation}),
 * on a form that passed everything else: it costs milliseconds of CPU, which a form that must be refused
 * anyway does not get to spend. There are no composition rules ("must contain a digit"): length and
 * guessability decide.
 */
public final class RegistrationRules {

    public static final int MAX_NAME_LENGTH = 200;

    /** A local part this short ("jo") is part of too many good passwords to forbid. */
    static final int MIN_LOCAL_PART_LENGTH_TO_FORBID = 3;

    public static final Violation EMAIL_TAKEN =
            new Violation("email", "email.taken", "An account with this email address already exists.");

    private final PasswordPolicy passwordPolicy;
    private final EmailAddresses emails;

    public RegistrationRules(PasswordPolicy passwordPolicy, EmailAddresses emails) {
        this.passwordPolicy = Objects.requireNonNull(passwordPolicy, "passwordPolicy");
        this.emails = Objects.requireNonNull(emails, "emails");
    }

    public PasswordPolicy passwordPolicy() {
        return passwordPolicy;
    }

    /** Checks every field against every rule but guessability, reporting all violations together. */
    public RegistrationCheck check(RegistrationForm form) {
        List<Violation> violations = new ArrayList<>();
        Optional<EmailAddress> email = checkEmail(form.email(), violations);
        Optional<String> firstName = checkName("firstName", form.firstName(), violations);
        Optional<String> lastName = checkName("lastName", form.lastName(), violations);
        Optional<Password> password = checkPassword(form, email, violations);
        if (!violations.isEmpty()) {
            return new RegistrationCheck.Refused(violations);
        }
        return new RegistrationCheck.Accepted(email.orElseThrow(), new PersonName(firstName.orElse(null), lastName.orElse(null)), password.orElseThrow());
    }

    /** The words an attacker would try first for this user, for the strength estimate: email and names. */
    public static List<String> guessableWords(RegistrationCheck.Accepted form) {
        return Stream.of(Optional.of(form.email().value()), Optional.of(form.email().localPart()), form.name().firstName(), form.name().lastName())
                .flatMap(Optional::stream)
                .toList();
    }

    /** The last rule: {@code password.too_weak} for a guessable password, passing the estimator's advice on. */
    public Optional<Violation> strengthViolation(PasswordStrength strength) {
        return strength.isAcceptable() ? Optional.empty() : Optional.of(tooWeak(strength));
    }

    private Optional<EmailAddress> checkEmail(String raw, List<Violation> violations) {
        Optional<EmailProblem> problem = emails.problemWith(raw);
        if (problem.isEmpty()) {
            return Optional.of(emails.parse(raw));
        }
        violations.add(switch (problem.get()) {
            case MISSING -> new Violation("email", "email.required", "Email is required.");
            case TOO_LONG -> new Violation("email", "email.too_long",
                    "Email must be at most 254 characters, with at most 64 before the @.");
            case MALFORMED -> new Violation("email", "email.invalid", "Email must be a valid email address, such as name@example.com.");
        });
        return Optional.empty();
    }

    /** A blank name is an absent one: both parts are optional. */
    private static Optional<String> checkName(String field, String raw, List<Violation> violations) {
        if (raw == null || raw.isBlank()) {
            return Optional.empty();
        }
        String name = raw.strip();
        if (Text.codePointLength(name) > MAX_NAME_LENGTH) {
            violations.add(new Violation(field, field + ".too_long", label(field) + " must be at most " + MAX_NAME_LENGTH + " characters."));
            return Optional.empty();
        }
        if (Text.hasControlCharacter(name) || !Text.isWellFormed(name)) {
            violations.add(new Violation(field, field + ".invalid", label(field) + " must not contain control characters or broken Unicode."));
            return Optional.empty();
        }
        return Optional.of(name);
    }

    private Optional<Password> checkPassword(RegistrationForm form, Optional<EmailAddress> email, List<Violation> violations) {
        if (form.password() == null || form.password().isEmpty()) {
            violations.add(new Violation("password", "password.required", "Password is required."));
            return Optional.empty();
        }
        Password password = Password.normalise(form.password());
        if (!password.isWellFormed()) {
            violations.add(new Violation("password", "password.invalid", "Password must not contain broken Unicode (unpaired surrogates)."));
            return Optional.empty();
        }
        if (password.length() < passwordPolicy.minLength()) {
            violations.add(new Violation("password", "password.too_short",
                    "Password must be at least " + passwordPolicy.minLength() + " characters."));
        } else if (password.length() > passwordPolicy.maxLength()) {
            violations.add(new Violation("password", "password.too_long",
                    "Password must be at most " + passwordPolicy.maxLength() + " characters."));
        } else if (passwordPolicy.maxUtf8Bytes().isPresent() && password.utf8Length() > passwordPolicy.maxUtf8Bytes().getAsInt()) {
            violations.add(new Violation("password", "password.too_long",
                    "Password must be at most " + passwordPolicy.maxUtf8Bytes().getAsInt() + " bytes in UTF-8 (the hashing algorithm ignores the rest)."));
        }
        email.map(EmailAddress::localPart)
                .filter(localPart -> Text.codePointLength(localPart) >= MIN_LOCAL_PART_LENGTH_TO_FORBID)
                .filter(password::containsIgnoringCase)
                .ifPresent(localPart -> violations.add(
                        new Violation("password", "password.contains_email", "Password must not contain your email address.")));
        if (form.confirmPassword() == null || form.confirmPassword().isEmpty()) {
            violations.add(new Violation("confirmPassword", "confirmPassword.required", "Confirm the password by typing it again."));
        } else if (!Password.normalise(form.confirmPassword()).equals(password)) {
            violations.add(new Violation("confirmPassword", "password.mismatch", "Password and confirmation password do not match."));
        }
        return Optional.of(password);
    }

    private static Violation tooWeak(PasswordStrength strength) {
        String advice = Stream.concat(Stream.of(strength.warning()), strength.suggestions().stream())
                .filter(text -> !text.isBlank())
                .map(text -> text.endsWith(".") ? text : text + ".")
                .collect(Collectors.joining(" "));
        String message = "Password is too easy to guess." + (advice.isEmpty() ? "" : " " + advice);
        return new Violation("password", "password.too_weak", message);
    }

    private static String label(String field) {
        return field.equals("firstName") ? "First name" : "Last name";
    }
}
