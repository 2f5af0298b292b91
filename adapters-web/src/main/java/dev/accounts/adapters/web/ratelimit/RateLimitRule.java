package dev.accounts.adapters.web.ratelimit;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.BucketConfiguration;

import java.time.Duration;
import java.util.Objects;

/**
 * A token bucket per client: up to {@code burst} requests at once, refilled at {@code limit} per
 * {@code period}. "10 per hour, burst 5" lets a client register five accounts in a row, then one every six minutes.
 */
public record RateLimitRule(String name, long limit, Duration period, long burst) {

    public RateLimitRule {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(period, "period");
        if (limit < 1 || burst < 1 || period.isNegative() || period.isZero()) {
            throw new IllegalArgumentException("rate limit " + name + " needs a positive limit, burst and period");
        }
    }

    Bandwidth bandwidth() {
        return Bandwidth.builder().capacity(burst).refillGreedy(limit, period).build();
    }

    BucketConfiguration bucket() {
        return BucketConfiguration.builder().addLimit(bandwidth()).build();
    }

    /** The RateLimit-Policy header's item, e.g. {@code "register";q=10;w=3600}. */
    String policy() {
        return "\"" + name + "\";q=" + limit + ";w=" + period.toSeconds();
    }
}
