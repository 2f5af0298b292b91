package dev.accounts.bootstrap.throughput;

import dev.accounts.application.port.out.PasswordHasher;
import dev.accounts.application.port.out.PasswordStrengthEstimator;
import dev.accounts.domain.credentials.Password;
import dev.accounts.domain.credentials.PasswordHash;
import dev.accounts.domain.credentials.PasswordStrength;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

class HashingWarmUpTest {

    private final AtomicLong now = new AtomicLong();
    private final AtomicInteger checks = new AtomicInteger();
    private final AtomicInteger estimates = new AtomicInteger();

    /** A hasher whose n-th check takes the n-th of these many milliseconds on the test's clock, then the last. */
    private PasswordHasher takingMillis(long... millis) {
        return new PasswordHasher() {
            @Override
            public Mono<PasswordHash> hash(Password password) {
                throw new AssertionError("the warm-up only checks passwords");
            }

            @Override
            public Mono<Verification> verify(Password password, PasswordHash hash) {
                return Mono.fromSupplier(() -> {
                    int check = checks.getAndIncrement();
                    now.addAndGet(Duration.ofMillis(millis[Math.min(check, millis.length - 1)]).toNanos());
                    return new Verification(false, false);
                });
            }

            @Override
            public PasswordHash dummyHash() {
                return new PasswordHash("{argon2}dummy");
            }

            @Override
            public OptionalInt maxPasswordBytes() {
                return OptionalInt.empty();
            }
        };
    }

    private final PasswordStrengthEstimator strength = (password, userInputs) -> Mono.fromSupplier(() -> {
        estimates.incrementAndGet();
        return new PasswordStrength(4, "", List.of());
    });

    private HashingWarmUp.Result warmUp(int threads, Duration budget, long... millis) {
        return new HashingWarmUp(takingMillis(millis), strength, threads, budget, now::get).warmUp();
    }

    @Test
    void stopsOnceARoundIsAsFastAsTheFastest() {
        HashingWarmUp.Result result = warmUp(1, Duration.ofSeconds(10), 400, 200, 60, 50, 50);

        assertThat(result.rounds()).isEqualTo(4);
        assertThat(result.fastestRound()).isEqualTo(Duration.ofMillis(50));
        assertThat(estimates).hasValue(4);
    }

    @Test
    void neverStopsBeforeThreeRoundsEvenIfTheFirstAreFast() {
        assertThat(warmUp(1, Duration.ofSeconds(10), 50).rounds()).isEqualTo(3);
    }

    @Test
    void checksOncePerThreadInEachRound() {
        warmUp(2, Duration.ofSeconds(10), 50);

        assertThat(checks).hasValue(6);
    }

    @Test
    void stopsWhenTheBudgetIsSpentWhileStillGettingFaster() {
        HashingWarmUp.Result result = warmUp(1, Duration.ofMillis(1_000), 400, 300, 200, 100, 50);

        assertThat(result.rounds()).isEqualTo(4);
        assertThat(result.spent()).isEqualTo(Duration.ofMillis(1_000));
    }

    @Test
    void doesNothingWithoutABudget() {
        assertThat(warmUp(2, Duration.ZERO, 50).rounds()).isZero();
        assertThat(checks).hasValue(0);
    }
}
