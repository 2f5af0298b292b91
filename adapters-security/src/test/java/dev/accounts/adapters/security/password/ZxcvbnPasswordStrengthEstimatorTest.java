package dev.accounts.adapters.security.password;

import dev.accounts.domain.credentials.Password;
import dev.accounts.domain.credentials.PasswordStrength;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ZxcvbnPasswordStrengthEstimatorTest {

    private final HashingExecutor executor = new HashingExecutor(1, 4, java.time.Duration.ofSeconds(1));
    private final ZxcvbnPasswordStrengthEstimator estimator = new ZxcvbnPasswordStrengthEstimator(executor);

    @org.junit.jupiter.api.AfterEach
    void stop() {
        executor.close();
    }

    @Test
    void estimatesOffTheCallersThread() {
        assertThat(estimator.estimate(Password.normalise("tangerine otter kayak mosaic"), List.of())
                .map(strength -> Thread.currentThread().getName()).block()).isNotEqualTo(Thread.currentThread().getName());
    }

    @Test
    void judgesACommonPasswordWeakAndSaysWhy() {
        PasswordStrength strength = estimator.measure(Password.normalise("password12345678"), List.of());

        assertThat(strength.isAcceptable()).isFalse();
        assertThat(strength.warning() + strength.suggestions()).isNotBlank();
    }

    @Test
    void judgesAnUncommonPassphraseStrong() {
        assertThat(estimator.measure(Password.normalise("tangerine otter kayak mosaic"), List.of()).isAcceptable()).isTrue();
    }

    @Test
    void countsTheUsersOwnWordsAsGuessable() {
        Password password = Password.normalise("lovelaceada1815");

        assertThat(estimator.measure(password, List.of()).score())
                .isGreaterThan(estimator.measure(password, List.of("ada@example.com", "Ada", "Lovelace")).score());
    }

    @Test
    void judgesAVeryLongPasswordByItsBeginning() {
        String guessableStart = "a".repeat(ZxcvbnPasswordStrengthEstimator.MAX_MEASURED_LENGTH);

        assertThat(estimator.measure(Password.normalise(guessableStart + "Xq7!vR2#mK9$"), List.of()).isAcceptable()).isFalse();
        assertThat(estimator.measure(Password.normalise("Xq7!vR2#mK9$pL4@".repeat(8)), List.of()).isAcceptable()).isTrue();
    }
}
