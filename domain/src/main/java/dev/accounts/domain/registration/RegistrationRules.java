package dev.accounts.domain.registration;

import dev.accounts.domain.credentials.Password;
import dev.accounts.domain.credentials.PasswordRules;
import dev.accounts.domain.credentials.PasswordStrength;
import dev.accounts.domain.user.EmailAddress;
import dev.accounts.domain.user.EmailAddresses;
import dev.accounts.domain.user.EmailProblem;
import dev.accounts.domain.user.PersonName;
import dev.accounts.domain.validation.Text;
import dev.accounts.domain.validation.Violation;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The rules a registration form must pass: a usable email address, optional names, and a password that
 * passes {@link PasswordRules}. The cheap rules all run together, so the person sees every problem with
 * the form at once; guessability is judged last, on a form that passed everything else.
 */
public final class RegistrationRules {

    public static final int MAX_NAME_LENGTH = 200;

    public static final Violation EMAIL_TAKEN =
            new Violation("email", "email.taken", "An account with this email address already exists.");

    private final PasswordRules passwords;
    private final EmailAddresses emails;

    public RegistrationRules(PasswordRules passwords, EmailAddresses emails) {
        this.passwords = Objects.requireNonNull(passwords, "passwords");
        this.emails = Objects.requireNonNull(emails, "emails");
    }

    /** Checks every field against every rule but guessability, reporting all violations together. */
    public RegistrationCheck check(RegistrationForm form) {
        List<Violation> violations = new ArrayList<>();
        Optional<EmailAddress> email = checkEmail(form.email(), violations);
        Optional<String> firstName = checkName("firstName", form.firstName(), violations);
        Optional<String> lastName = checkName("lastName", form.lastName(), violations);
        PasswordRules.Checked password = passwords.check(form.password(), form.confirmPassword(),
                email.map(EmailAddress::localPart).stream().toList());
        violations.addAll(password.violations());
        if (!violations.isEmpty()) {
            return new RegistrationCheck.Refused(violations);
        }
        return new RegistrationCheck.Accepted(email.orElseThrow(), new PersonName(firstName.orElse(null), lastName.orElse(null)),
                password.password().orElseThrow());
    }

    /** The words an attacker would try first for this user, for the strength estimate: email and names. */
    public static List<String> guessableWords(RegistrationCheck.Accepted form) {
        return Stream.of(Optional.of(form.email().value()), Optional.of(form.email().localPart()), form.name().firstName(), form.name().lastName())
                .flatMap(Optional::stream)
                .toList();
    }

    /** The last rule: {@code password.too_weak} for a guessable password, passing the estimator's advice on. */
    public Optional<Violation> strengthViolation(PasswordStrength strength) {
        return passwords.strengthViolation(strength);
    }

    private Optional<EmailAddress> checkEmail(String raw, List<Violation> violations) {
        Optional<EmailProblem> problem = emails.problemWith(raw);
        if (problem.isEmpty()) {
            return Optional.of(emails.parse(raw));
        }
        violations.add(problem.get().violation());
        return Optional.empty();
    }

    /** A blank name is an absent one: both parts are optional. */
    private static Optional<String> checkName(String field, String raw, List<Violation> violations) {
        if (raw == null || raw.isBlank()) {
            return Optional.empty();
        }
        String name = raw.strip();
        String label = field.equals("firstName") ? "First name" : "Last name";
        if (Text.codePointLength(name) > MAX_NAME_LENGTH) {
            violations.add(new Violation(field, field + ".too_long", label + " must be at most " + MAX_NAME_LENGTH + " characters."));
            return Optional.empty();
        }
        if (Text.hasControlCharacter(name) || Text.hasInvisibleFormatting(name) || !Text.isWellFormed(name)) {
            violations.add(new Violation(field, field + ".invalid",
                    label + " must not contain control characters, invisible formatting characters or broken Unicode."));
            return Optional.empty();
        }
        return Optional.of(name);
    }
}
