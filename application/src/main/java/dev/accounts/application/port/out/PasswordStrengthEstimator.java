package dev.accounts.application.port.out;

import dev.accounts.domain.credentials.Password;
import dev.accounts.domain.credentials.PasswordStrength;
import reactor.core.publisher.Mono;

import java.util.List;

/** Estimates how guessable a password is. It costs milliseconds of CPU, so it runs off the caller's thread. */
public interface PasswordStrengthEstimator {

    /**
     * @param userInputs words an attacker would try first for this user: email, names
     * @return the estimate; {@link TemporarilyUnavailableException} when the CPU-bound work queue is full
     */
    Mono<PasswordStrength> estimate(Password password, List<String> userInputs);
}
