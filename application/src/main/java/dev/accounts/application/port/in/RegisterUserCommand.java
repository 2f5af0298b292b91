package dev.accounts.application.port.in;

import dev.accounts.domain.registration.RegistrationForm;

/**
 * Raw input as received; the rules turn it into value objects so that every violation is reported.
 *
 * @param clientAddress where the request came from, so that one client cannot take all the password work
 */
public record RegisterUserCommand(String firstName, String lastName, String email, String password, String confirmPassword,
                                  String clientAddress) {

    public RegistrationForm toForm() {
        return new RegistrationForm(firstName, lastName, email, password, confirmPassword);
    }

    @Override
    public String toString() {
        return "RegisterUserCommand[email=" + email + "]"; // never log a password
    }
}
