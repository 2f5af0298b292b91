package dev.accounts.application.service;

import dev.accounts.application.port.out.BreachedPasswords;
import dev.accounts.application.port.out.PasswordHasher;
import dev.accounts.application.port.out.PasswordStrengthEstimator;
import dev.accounts.domain.credentials.Password;
import dev.accounts.domain.credentials.PasswordHash;
import dev.accounts.domain.credentials.PasswordRules;
import dev.accounts.domain.user.User;
import dev.accounts.domain.validation.Violation;
import reactor.core.publisher.Mono;

import java.util.List;

/**
 * The costly last steps of choosing a password, wherever it is chosen (sign-up, change, reset), after the
 * cheap rules passed: guessability (milliseconds of CPU), then the breach corpus (a network call), then the
 * hash (tens of milliseconds), so that nothing costlier is spent on a password a cheaper step refuses.
 */
public final class NewPasswords {

    private final PasswordRules rules;
    private final PasswordStrengthEstimator strengthEstimator;
    private final BreachedPasswords breachedPasswords;
    private final PasswordHasher hasher;

    public NewPasswords(PasswordRules rules, PasswordStrengthEstimator strengthEstimator, BreachedPasswords breachedPasswords, PasswordHasher hasher) {
        this.rules = rules;
        this.strengthEstimator = strengthEstimator;
        this.breachedPasswords = breachedPasswords;
        this.hasher = hasher;
    }

    /** The cheap rules for a password an existing user chooses: it must not contain their address's local part. */
    PasswordRules.Checked check(User user, String password, String confirmPassword) {
        return rules.check(password, confirmPassword, List.of(user.email().localPart()));
    }

    /** @param guessableWords what an attacker would try first for this user: email, names */
    Mono<Chosen> choose(Password password, List<String> guessableWords) {
        return strengthEstimator.estimate(password, guessableWords)
                .flatMap(strength -> rules.strengthViolation(strength)
                        .<Mono<Chosen>>map(weak -> Mono.just(new Refused(weak)))
                        .orElseGet(() -> breachedPasswords.isBreached(password)
                                .flatMap(breached -> breached
                                        ? Mono.just(new Refused(PasswordRules.BREACHED))
                                        : hasher.hash(password).map(Hashed::new))));
    }

    sealed interface Chosen {
    }

    record Hashed(PasswordHash hash) implements Chosen {
    }

    record Refused(Violation violation) implements Chosen {
    }
}
