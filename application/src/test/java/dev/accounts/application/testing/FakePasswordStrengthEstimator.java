package dev.accounts.application.testing;

import dev.accounts.application.port.out.PasswordStrengthEstimator;
import dev.accounts.domain.credentials.Password;
import dev.accounts.domain.credentials.PasswordStrength;

import reactor.core.publisher.Mono;

import java.util.List;

/** Judges any password containing "password" as weak and every other one as strong. */
public final class FakePasswordStrengthEstimator implements PasswordStrengthEstimator {

    @Override
    public Mono<PasswordStrength> estimate(Password password, List<String> userInputs) {
        return Mono.just(password.containsIgnoringCase("password")
                ? new PasswordStrength(0, "This is a very common password", List.of("Avoid common words"))
                : new PasswordStrength(4, "", List.of()));
    }
}
