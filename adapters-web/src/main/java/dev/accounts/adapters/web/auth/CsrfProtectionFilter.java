package dev.accounts.adapters.web.auth;

import dev.accounts.adapters.web.problem.ProblemResponses;
import dev.accounts.adapters.web.problem.FieldError;
import dev.accounts.adapters.web.problem.Problems;
import dev.accounts.adapters.web.route.RoutePaths;
import dev.accounts.domain.session.SessionId;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

import java.net.URI;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * CSRF defence in the two layers the OWASP cheat sheet recommends today. Every state-changing request
 * from a browser must come from this site or an allowed origin, judged by {@code Sec-Fetch-Site} and
 * {@code Origin} (requests with neither come from other programs, which hold no victim's cookies).
 * The endpoints that act on the session cookies also need the signed double-submit token in
 * {@code X-CSRF-Token}; the session it names is handed on, to be matched with the refresh token's.
 */
public final class CsrfProtectionFilter implements WebFilter {

    /** The verified session of the CSRF token, for the controller to pass to the use case. */
    public static final String VERIFIED_SESSION = CsrfProtectionFilter.class.getName() + ".session";

    private static final Set<HttpMethod> SAFE_METHODS = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS, HttpMethod.TRACE);
    private static final Set<String> COOKIE_ACTIONS = Set.of("/auth/refresh", "/auth/logout", "/auth/logout-everywhere",
            "/users/me/password", "/users/me");

    private final Set<String> allowedOrigins;
    private final SessionCookies cookies;
    private final CsrfTokens csrfTokens;
    private final ProblemResponses problems;

    public CsrfProtectionFilter(Set<String> allowedOrigins, SessionCookies cookies, CsrfTokens csrfTokens, ProblemResponses problems) {
        this.allowedOrigins = allowedOrigins.stream().map(origin -> origin.toLowerCase(Locale.ROOT).replaceAll("/+$", ""))
                .collect(Collectors.toUnmodifiableSet());
        this.cookies = cookies;
        this.csrfTokens = csrfTokens;
        this.problems = problems;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        if (SAFE_METHODS.contains(request.getMethod())) {
            return chain.filter(exchange);
        }
        if (isCrossSite(request)) {
            return reject(exchange, new FieldError("request", "csrf.origin_rejected", "Cross-site requests may not change state here."));
        }
        if (COOKIE_ACTIONS.contains(RoutePaths.of(request)) && (cookies.refreshToken(request).isPresent() || cookies.accessToken(request).isPresent())) {
            Optional<SessionId> session = doubleSubmittedSession(request);
            if (session.isEmpty()) {
                return reject(exchange, new FieldError("X-CSRF-Token", "csrf.token_invalid", "A valid X-CSRF-Token header is required."));
            }
            exchange.getAttributes().put(VERIFIED_SESSION, session.get());
        }
        return chain.filter(exchange);
    }

    private boolean isCrossSite(ServerHttpRequest request) {
        if ("cross-site".equalsIgnoreCase(request.getHeaders().getFirst("Sec-Fetch-Site"))) {
            return true;
        }
        String origin = request.getHeaders().getOrigin();
        return origin != null && !isSameOrigin(origin, request) && !allowedOrigins.contains(origin.toLowerCase(Locale.ROOT));
    }

    /** Same host and port as the request was sent to; the scheme may differ behind a TLS-terminating proxy. */
    private static boolean isSameOrigin(String origin, ServerHttpRequest request) {
        String host = request.getURI().getRawAuthority();
        try {
            String authority = URI.create(origin).getRawAuthority();
            return host != null && authority != null && authority.equalsIgnoreCase(host);
        } catch (IllegalArgumentException malformed) {
            return false; // "null" and garbage are nobody's origin
        }
    }

    private Optional<SessionId> doubleSubmittedSession(ServerHttpRequest request) {
        String header = request.getHeaders().getFirst(SessionCookies.CSRF_HEADER);
        Optional<String> cookie = cookies.csrfCookie(request);
        if (header == null || cookie.isPresent() && !cookie.get().equals(header)) {
            return Optional.empty();
        }
        return csrfTokens.verify(header);
    }

    private Mono<Void> reject(ServerWebExchange exchange, FieldError violation) {
        return problems.write(exchange, Problems.of(HttpStatus.FORBIDDEN, "Forbidden", violation));
    }
}
