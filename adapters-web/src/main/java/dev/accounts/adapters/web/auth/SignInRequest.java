package dev.accounts.adapters.web.auth;

/** The body of {@code POST /auth/login}. */
record SignInRequest(String email, String password) {

    @Override
    public String toString() {
        return "SignInRequest[email=" + email + "]"; // never log a password
    }
}
