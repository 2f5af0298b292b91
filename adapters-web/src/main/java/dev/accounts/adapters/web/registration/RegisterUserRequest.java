package dev.accounts.adapters.web.registration;

/** The body of {@code POST /users/register}, with the original service's field names. Unknown fields are ignored. */
record RegisterUserRequest(String firstName, String lastName, String email, String password, String confirmPassword) {

    @Override
    public String toString() {
        return "RegisterUserRequest[email=" + email + "]"; // never log a password
    }
}
