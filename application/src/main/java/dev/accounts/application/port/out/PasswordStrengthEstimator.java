package dev.accounts.application.port.out;

import dev.accounts.domain.registration.PasswordStrength;
import dev.accounts.domain.user.Password;

import java.util.List;

/** Estimates how guessable a password is; fast enough (a millisecond or so) to call on any thread. */
public interface PasswordStrengthEstimator {

    /** @param userInputs words an attacker would try first for this user: email, names */
    PasswordStrength estimate(Password password, List<String> userInputs);
}
