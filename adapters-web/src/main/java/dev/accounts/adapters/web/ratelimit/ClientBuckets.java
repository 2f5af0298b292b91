package dev.accounts.adapters.web.ratelimit;

import reactor.core.publisher.Mono;

import java.time.Duration;

/** Where the buckets live: this process's memory, or Redis for all instances. */
public interface ClientBuckets {

    /** Takes one token from the client's bucket under {@code rule}, if it has one. */
    Mono<Probe> tryConsume(String client, RateLimitRule rule);

    /** Gives back a token taken for a request that turned out to cost nothing (refused for its shape). */
    Mono<Void> refund(String client, RateLimitRule rule);

    /**
     * @param remaining tokens left after this request
     * @param waitTime  until the next token, when refused; until the bucket is full again, when allowed
     */
    record Probe(boolean allowed, long remaining, Duration waitTime) {
    }
}
