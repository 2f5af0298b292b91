package dev.accounts.adapters.web.ratelimit;

import dev.accounts.adapters.web.client.ClientAddresses;
import dev.accounts.adapters.web.logging.SampledLog;
import dev.accounts.adapters.web.problem.ProblemResponses;
import dev.accounts.adapters.web.problem.FieldError;
import dev.accounts.adapters.web.problem.Problems;
import dev.accounts.adapters.web.route.RoutePaths;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.LoggerFactory;
import org.slf4j.event.Level;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatusCode;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Limits how often one client may register and sign in, with a token bucket per client address. A
 * refused request gets 429 with {@code Retry-After}; every limited request gets the IETF
 * {@code RateLimit} and {@code RateLimit-Policy} headers. If the bucket store (Redis) fails, requests
 * pass: the per-account sign-in throttle and the bounded hashing queue still stand behind this filter.
 * Refusals are counted by rule ({@code accounts.rate_limit.refusals}), never by client.
 */
public final class RateLimitFilter implements WebFilter {

    private static final Set<Integer> REFUSED_FOR_SHAPE = Set.of(400, 405, 408, 413, 415);
    private static final FieldError EXCEEDED = new FieldError("request", "rate_limit.exceeded",
            "Too many requests from this address; retry after the time in Retry-After. "
                    + "Trying the service locally? Start it with ACCOUNTS_RATE_LIMIT_ENABLED=false to turn the limits off.");

    private static final Set<HttpMethod> CHANGING_METHODS = Set.of(HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH, HttpMethod.DELETE);

    private final Map<String, RateLimitRule> rulesByPath;
    private final ClientBuckets buckets;
    private final ClientAddresses clients;
    private final ProblemResponses problems;
    private final Map<String, Counter> refusalsByRule;
    private final SampledLog storeFailures = new SampledLog(LoggerFactory.getLogger(RateLimitFilter.class), Level.WARN, Duration.ofMinutes(1));

    /** @param rulesByPath the rule for state-changing requests (POST, DELETE…) to each path */
    public RateLimitFilter(Map<String, RateLimitRule> rulesByPath, ClientBuckets buckets, ClientAddresses clients, ProblemResponses problems,
                           MeterRegistry meters) {
        this.rulesByPath = Map.copyOf(rulesByPath);
        this.buckets = buckets;
        this.clients = clients;
        this.problems = problems;
        // Registered up front, so that a rule that never refused shows 0 rather than nothing.
        this.refusalsByRule = rulesByPath.values().stream().map(RateLimitRule::name).distinct()
                .collect(Collectors.toUnmodifiableMap(Function.identity(), rule -> Counter.builder("accounts.rate_limit.refusals")
                        .description("Requests refused with 429 by a per-client rate limit").tag("rule", rule).register(meters)));
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (!CHANGING_METHODS.contains(exchange.getRequest().getMethod())) {
            return chain.filter(exchange);
        }
        RateLimitRule rule = rulesByPath.get(RoutePaths.of(exchange.getRequest()));
        if (rule == null) {
            return chain.filter(exchange);
        }
        String client = clients.limitKeyOf(exchange.getRequest());
        return buckets.tryConsume(client, rule)
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
                    headers.set("RateLimit", header(rule, outcome.probe().remaining(), outcome.probe()));
                    if (outcome.probe().allowed()) {
                        // Before the answer leaves, so that the client's next request finds the token back.
                        exchange.getResponse().beforeCommit(() -> refundIfRefusedForItsShape(exchange, client, rule, outcome.probe()));
                        return chain.filter(exchange);
                    }
                    refusalsByRule.get(rule.name()).increment();
                    return problems.write(exchange, Problems.tooManyRequests(EXCEEDED, outcome.probe().waitTime()));
                });
    }

    /**
     * A request the service refused for its shape (400, 405, 413, 415, or a body that never came: 408) cost
     * nothing worth limiting: it never
     * reached the uniqueness check or any password work, so its token is given back. A person correcting
     * typos in a form does not use up their sign-ups.
     */
    private Mono<Void> refundIfRefusedForItsShape(ServerWebExchange exchange, String client, RateLimitRule rule, ClientBuckets.Probe probe) {
        HttpStatusCode status = exchange.getResponse().getStatusCode();
        if (status == null || !REFUSED_FOR_SHAPE.contains(status.value())) {
            return Mono.empty();
        }
        return buckets.refund(client, rule)
                .then(Mono.fromRunnable(() -> exchange.getResponse().getHeaders().set("RateLimit", refunded(rule, probe))))
                .onErrorResume(failure -> {
                    warnAboutStore(failure);
                    return Mono.empty();
                }).then();
    }

    private static String header(RateLimitRule rule, long remaining, ClientBuckets.Probe probe) {
        return header(rule, remaining, probe.waitTime());
    }

    /** One token more, so one token's refill less until the bucket is full: the bucket refills greedily. */
    private static String refunded(RateLimitRule rule, ClientBuckets.Probe probe) {
        Duration perToken = rule.period().dividedBy(rule.limit());
        Duration untilFull = probe.waitTime().minus(perToken);
        return header(rule, probe.remaining() + 1, untilFull.isNegative() ? Duration.ZERO : untilFull);
    }

    private static String header(RateLimitRule rule, long remaining, Duration untilFull) {
        return "\"" + rule.name() + "\";r=" + remaining + ";t=" + secondsUp(untilFull);
    }

    private record Outcome(ClientBuckets.Probe probe, boolean storeFailed) {
    }

    private static long secondsUp(Duration duration) {
        return Math.max(0, (duration.toMillis() + 999) / 1000);
    }

    private void warnAboutStore(Throwable failure) {
        storeFailures.log("rate-limit store unavailable, letting requests through: {}", failure.toString());
    }
}
