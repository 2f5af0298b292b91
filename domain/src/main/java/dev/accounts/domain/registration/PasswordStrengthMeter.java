package dev.accounts.domain.registration;

import dev.accounts.domain.user.Password;

import java.util.List;

/** Estimates how guessable a password is for someone who also knows the user's own words. */
@FunctionalInterface
public interface PasswordStrengthMeter {

    PasswordStrength measure(Password password, List<String> userInputs);
}
