package dev.accounts.bootstrap.throughput;

import dev.accounts.application.port.out.PasswordHasher;
import dev.accounts.application.port.out.PasswordStrengthEstimator;
import dev.accounts.domain.credentials.Password;
import dev.accounts.domain.token.SecretToken;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import reactor.core.publisher.Flux;

import java.time.Duration;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * Checks a password on every hashing thread at once, round after round, until the rounds stop getting faster
 * (the JIT compiler has done with the hashing code) or the budget is spent. It runs before
 * readiness, so the first users after a start are not the ones who wait for the compiler, and the work queue
 * does not learn its hold times from code not yet compiled, which would make it refuse the first burst.
 */
public final class HashingWarmUp implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(HashingWarmUp.class);
    private static final int LEAST_ROUNDS = 3;
    /** A round less than this much faster than the fastest before it means the compiler has done. */
    private static final double IMPROVING = 1.25;

    private final PasswordHasher hasher;
    private final PasswordStrengthEstimator strength;
    private final int threads;
    private final Duration budget;
    private final LongSupplier nanoTime;

    public HashingWarmUp(PasswordHasher hasher, PasswordStrengthEstimator strength, int threads, Duration budget) {
        this(hasher, strength, threads, budget, System::nanoTime);
    }

    HashingWarmUp(PasswordHasher hasher, PasswordStrengthEstimator strength, int threads, Duration budget, LongSupplier nanoTime) {
        this.hasher = hasher;
        this.strength = strength;
        this.threads = threads;
        this.budget = budget;
        this.nanoTime = nanoTime;
    }

    @Override
    public void run(ApplicationArguments arguments) {
        Result result = warmUp();
        if (result.rounds() == 0) {
            return;
        }
        log.info("Password hashing warmed up in {} ms: {} rounds, the last {} ms, the fastest {} ms", result.spent().toMillis(),
                result.rounds(), result.lastRound().toMillis(), result.fastestRound().toMillis());
    }

    Result warmUp() {
        long started = nanoTime.getAsLong();
        long deadline = started + budget.toNanos();
        long fastest = Long.MAX_VALUE;
        long last = 0;
        int rounds = 0;
        while (nanoTime.getAsLong() < deadline) {
            long roundStarted = nanoTime.getAsLong();
            Flux.range(0, threads).flatMap(thread -> {
                Password nobodys = Password.normalise(SecretToken.random().value());
                return strength.estimate(nobodys, List.of()).then(hasher.verify(nobodys, hasher.dummyHash()));
            }).blockLast();
            last = nanoTime.getAsLong() - roundStarted;
            rounds++;
            boolean settled = rounds >= LEAST_ROUNDS && last * IMPROVING >= fastest;
            fastest = Math.min(fastest, last);
            if (settled) {
                break;
            }
        }
        return new Result(rounds, Duration.ofNanos(nanoTime.getAsLong() - started), Duration.ofNanos(last),
                Duration.ofNanos(rounds == 0 ? 0 : fastest));
    }

    record Result(int rounds, Duration spent, Duration lastRound, Duration fastestRound) {
    }
}
