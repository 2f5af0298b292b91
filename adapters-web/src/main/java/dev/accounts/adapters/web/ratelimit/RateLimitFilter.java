package dev.accounts.adapters.web.ratelimit;

import dev.accounts.adapters.web.client.ClientAddresses;
import dev.accounts.adapters.web.problem.ProblemResponses;
import dev.accounts.adapters.web.problem.Problems;
import dev.accounts.domain.registration.Violation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Limits how often one client may register and sign in, with a token bucket per client address. A
 * refused request gets 429 with {@code Retry-After}; every limited request gets the IETF
 * {@code RateLimit} and {@code RateLimit-Policy} headers. If the bucket store (Redis) fails, requests
 * pass: the per-account sign-in throttle and the bounded hashing queue still stand behind this filter.
 */
public final class RateLimitFilter implements WebFilter {

    private static final Logger log = LoggerFactory.getLogger(RateLimitFilter.class);
    private static final Duration WARNING_INTERVAL = Duration.ofMinutes(1);

    private final Map<String, RateLimitRule> rulesByPath;
    private final ClientBuckets buckets;
    private final ClientAddresses clients;
    private final ProblemResponses problems;
    private final AtomicLong lastStoreWarning = new AtomicLong();

    /** @param rulesByPath the rule for POST requests to each path */
    public RateLimitFilter(Map<String, RateLimitRule> rulesByPath, ClientBuckets buckets, ClientAddresses clients, ProblemResponses problems) {
        this.rulesByPath = Map.copyOf(rulesByPath);
        this.buckets = buckets;
        this.clients = clients;
        this.problems = problems;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (exchange.getRequest().getMethod() != HttpMethod.POST) {
            return chain.filter(exchange);
        }
        RateLimitRule rule = rulesByPath.get(exchange.getRequest().getPath().pathWithinApplication().value());
        if (rule == null) {
            return chain.filter(exchange);
        }
        return buckets.tryConsume(clients.of(exchange.getRequest()), rule)
                .map(probe -> new Outcome(probe, false))
                .onErrorResume(failure -> {
                    warnAboutStore(failure);
                    return Mono.just(new Outcome(null, true));
                })
                .flatMap(outcome -> {
                    if (outcome.storeFailed()) {
                        return chain.filter(exchange);
                    }
                    HttpHeaders headers = exchange.getResponse().getHeaders();
                    headers.set("RateLimit-Policy", rule.policy());
                    headers.set("RateLimit", "\"" + rule.name() + "\";r=" + outcome.probe().remaining() + ";t=" + secondsUp(outcome.probe().waitTime()));
                    if (outcome.probe().allowed()) {
                        return chain.filter(exchange);
                    }
                    return problems.write(exchange, Problems.tooManyRequests(new Violation("request", "rate_limit.exceeded",
                            "Too many requests from this address; retry after the time in Retry-After."), outcome.probe().waitTime()));
                });
    }

    private record Outcome(ClientBuckets.Probe probe, boolean storeFailed) {
    }

    private static long secondsUp(Duration duration) {
        return Math.max(0, (duration.toMillis() + 999) / 1000);
    }

    private void warnAboutStore(Throwable failure) {
        long now = System.nanoTime();
        long last = lastStoreWarning.get();
        if (now - last > WARNING_INTERVAL.toNanos() && lastStoreWarning.compareAndSet(last, now)) {
            log.warn("rate-limit store unavailable, letting requests through: {}", failure.toString());
        }
    }
}
