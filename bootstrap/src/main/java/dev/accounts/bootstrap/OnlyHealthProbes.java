package dev.accounts.bootstrap;

import dev.accounts.adapters.web.problem.ProblemResponses;
import dev.accounts.adapters.web.problem.Problems;
import dev.accounts.adapters.web.route.RoutePaths;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

import java.util.List;
import java.util.Set;

/**
 * Of the actuator, only the liveness and readiness probes and the Prometheus scrape answer; the index of links,
 * the health root and each component's health are 404 like any unknown path. Exposing the health endpoint alone
 * would still list its groups and answer for each component by name. (With {@code management.server.port} set,
 * the actuator moves to that port, where only the endpoints exposed in the configuration exist, and this port
 * answers 404 for all of it.)
 */
final class OnlyHealthProbes implements WebFilter {

    private static final String ACTUATOR = "/actuator";
    private static final Set<String> PROBES = Set.of("/actuator/health/liveness", "/actuator/health/readiness", "/actuator/prometheus");

    private final ProblemResponses problems;

    OnlyHealthProbes(ProblemResponses problems) {
        this.problems = problems;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String path = RoutePaths.of(exchange.getRequest());
        boolean actuator = path.equals(ACTUATOR) || path.startsWith(ACTUATOR + "/");
        if (!actuator || PROBES.contains(path)) {
            return chain.filter(exchange);
        }
        ProblemDetail notFound = Problems.problem(HttpStatus.NOT_FOUND, "not-found", "Not found",
                "There is nothing at this address; see the API in the README.", List.of());
        return problems.write(exchange, ResponseEntity.status(HttpStatus.NOT_FOUND).body(notFound));
    }
}
