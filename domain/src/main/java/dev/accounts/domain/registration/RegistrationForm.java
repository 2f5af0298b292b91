package dev.accounts.domain.registration;

/** What a person filled in to register, unchecked; any field may be null. */
public record RegistrationForm(String firstName, String lastName, String email, String password, String confirmPassword) {

    @Override
    public String toString() {
        return "RegistrationForm[email=" + email + "]"; // never print a password
    }
}
