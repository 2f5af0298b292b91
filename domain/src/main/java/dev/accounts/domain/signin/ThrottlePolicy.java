package dev.accounts.domain.signin;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * How sign-in slows down guessing on one account: a few failures are free, then each further failure
 * doubles the wait before the next attempt, up to a ceiling. A success starts over.
 *
 * @param freeFailures consecutive failures allowed before attempts must wait (5 by default)
 * @param firstDelay   the wait after the last free failure (1 s), doubled after each further failure
 * @param maxDelay     the longest wait (15 min)
 */
public record ThrottlePolicy(int freeFailures, Duration firstDelay, Duration maxDelay) {

    public ThrottlePolicy {
        Objects.requireNonNull(firstDelay, "firstDelay");
        Objects.requireNonNull(maxDelay, "maxDelay");
        if (freeFailures < 1 || firstDelay.isNegative() || firstDelay.isZero() || maxDelay.compareTo(firstDelay) < 0) {
            throw new IllegalArgumentException("need at least one free failure and 0 < firstDelay <= maxDelay");
        }
    }

    public static ThrottlePolicy standard() {
        return new ThrottlePolicy(5, Duration.ofSeconds(1), Duration.ofMinutes(15));
    }

    /** The wait that {@code consecutiveFailures} failures impose after the last one. */
    public Duration delayAfter(int consecutiveFailures) {
        if (consecutiveFailures < freeFailures) {
            return Duration.ZERO;
        }
        int doublings = consecutiveFailures - freeFailures;
        if (doublings >= 40) {
            return maxDelay; // 2^40 seconds overflows nothing we care about, but the ceiling applies long before
        }
        Duration delay = firstDelay.multipliedBy(1L << doublings);
        return delay.compareTo(maxDelay) > 0 ? maxDelay : delay;
    }

    /** How long an attempt made {@code now} must still wait, if at all. */
    public Optional<Duration> remainingWait(FailureRecord failures, Instant now) {
        Duration delay = delayAfter(failures.consecutiveFailures());
        if (delay.isZero()) {
            return Optional.empty();
        }
        Instant allowedFrom = failures.lastFailureAt().plus(delay);
        return now.isBefore(allowedFrom) ? Optional.of(Duration.between(now, allowedFrom)) : Optional.empty();
    }
}
