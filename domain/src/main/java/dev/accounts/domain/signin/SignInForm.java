package dev.accounts.domain.signin;

import dev.accounts.domain.validation.Violation;
import dev.accounts.domain.credentials.Password;

import java.util.ArrayList;
import java.util.List;

/**
 * What a person typed to sign in, checked only for what makes an attempt meaningless: a missing email or
 * password, or a password that no encoding can represent faithfully. Whether the email is well-formed is
 * not checked: an attempt with any text counts against its key and costs what a real one costs.
 */
public record SignInForm(String email, String password) {

    public List<Violation> violations() {
        List<Violation> violations = new ArrayList<>();
        if (email == null || email.isBlank()) {
            violations.add(new Violation("email", "email.required", "Email is required."));
        }
        Password.unusable(password).ifPresent(violations::add);
        return List.copyOf(violations);
    }

    @Override
    public String toString() {
        return "SignInForm[email=" + email + "]"; // never print a password
    }
}
