package dev.accounts.application.port.in;

/** Credentials as received, and the address they came from for the audit log. */
public record SignInCommand(String email, String password, String clientIp) {

    @Override
    public String toString() {
        return "SignInCommand[email=" + email + ", clientIp=" + clientIp + "]"; // never log a password
    }
}
