package dev.accounts.application.port.in;

import dev.accounts.domain.registration.RegistrationForm;

/** Raw input as received; the rules turn it into value objects so that every violation is reported. */
public record RegisterUserCommand(String firstName, String lastName, String email, String password, String confirmPassword) {

    public RegistrationForm toForm() {
        return new RegistrationForm(firstName, lastName, email, password, confirmPassword);
    }

    @Override
    public String toString() {
        return "RegisterUserCommand[email=" + email + "]"; // never log a password
    }
}
