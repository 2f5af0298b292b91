package dev.accounts.domain.signin;

import dev.accounts.domain.user.EmailAddresses;

import java.util.Optional;

/**
 * What sign-in throttling counts failures against: the normalised email, whether or not an account
 * has it, so that being throttled says nothing about which accounts exist.
 */
public final class SignInKey {

    private SignInKey() {
    }

    /** Empty for text that is no email address at all: no account can have it, so there is nothing to protect. */
    public static Optional<String> of(String typedEmail, EmailAddresses emails) {
        return emails.keyOf(typedEmail);
    }
}
