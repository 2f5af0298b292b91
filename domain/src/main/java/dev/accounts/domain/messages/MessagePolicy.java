package dev.accounts.domain.messages;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * How many messages an inbox may be sent, and how delivery retries: a mail bomb against one inbox is
 * bounded by {@link #maxPerInbox} messages of a kind in {@link #window}, and a mail server that is down is retried with
 * exponential back-off until {@link #giveUpAfter}.
 */
public record MessagePolicy(int maxPerInbox, Duration window, Duration firstRetry, Duration maxRetry, Duration giveUpAfter) {

    public static final MessagePolicy STANDARD =
            new MessagePolicy(5, Duration.ofHours(1), Duration.ofSeconds(5), Duration.ofMinutes(10), Duration.ofDays(2));

    public MessagePolicy {
        if (maxPerInbox < 1) {
            throw new IllegalArgumentException("maxPerInbox must be positive");
        }
        Objects.requireNonNull(window, "window");
        Objects.requireNonNull(firstRetry, "firstRetry");
        Objects.requireNonNull(maxRetry, "maxRetry");
        Objects.requireNonNull(giveUpAfter, "giveUpAfter");
    }

    /** Whether one more message fits, given how many this account was sent within the window. */
    public boolean allowsAnother(long sentInWindow) {
        return sentInWindow < maxPerInbox;
    }

    /**
     * When to try again after the {@code attempts}-th failed attempt (1 for the first), or empty to give up:
     * 5 s, 10 s, 20 s … up to the cap, for as long as the message is younger than {@link #giveUpAfter}.
     */
    public Optional<Instant> nextAttempt(int attempts, Instant createdAt, Instant now) {
        if (!now.isBefore(createdAt.plus(giveUpAfter))) {
            return Optional.empty();
        }
        int doublings = Math.min(Math.max(attempts - 1, 0), 30);
        Duration wait = firstRetry.multipliedBy(1L << doublings);
        return Optional.of(now.plus(wait.compareTo(maxRetry) > 0 ? maxRetry : wait));
    }
}
