package dev.accounts.adapters.web.headers;

import dev.accounts.adapters.web.client.ClientAddresses;
import dev.accounts.adapters.web.page.PageRoutes;
import dev.accounts.adapters.web.route.RoutePaths;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

import java.util.Optional;

/**
 * Headers every answer carries, errors included: no content sniffing, no referrer, no framing and no
 * active content (answers are JSON, so the strictest policy costs nothing; the browser page's paths get
 * the page's own policy, and Swagger UI's pages the scripts, styles and fetches they need), and no caching
 * unless an endpoint says otherwise (the public keys and the page do): answers hold user data or tokens. Answers
 * to requests that came over TLS, directly or through a trusted proxy, also carry
 * {@code Strict-Transport-Security} when it is configured; on plain http the header would mean nothing.
 */
public final class SecurityHeadersFilter implements WebFilter {

    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

    /** Where springdoc serves Swagger UI's page and files, when the API documentation is on. */
    static final String SWAGGER_UI_PATH = "/swagger-ui/";

    /**
     * The least Swagger UI renders with: its own scripts and style sheets, its icons (some inline as data: URIs),
     * and fetching the document from this service. Still no inline script, no eval, no framing and no form posts.
     */
    static final String SWAGGER_UI_CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

    private final Optional<String> strictTransportSecurity;
    private final ClientAddresses clients;

    public SecurityHeadersFilter(Optional<StrictTransportSecurity> strictTransportSecurity, ClientAddresses clients) {
        this.strictTransportSecurity = strictTransportSecurity.map(StrictTransportSecurity::headerValue);
        this.clients = clients;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        exchange.getResponse().beforeCommit(() -> {
            HttpHeaders headers = exchange.getResponse().getHeaders();
            headers.set("X-Content-Type-Options", "nosniff");
            headers.set("Referrer-Policy", "no-referrer");
            headers.set("Content-Security-Policy", contentSecurityPolicy(RoutePaths.of(exchange.getRequest())));
            headers.set("X-Frame-Options", "DENY");
            if (!headers.containsHeader(HttpHeaders.CACHE_CONTROL)) {
                headers.setCacheControl("no-store");
            }
            strictTransportSecurity.filter(value -> cameOverTls(exchange.getRequest()))
                    .ifPresent(value -> headers.set("Strict-Transport-Security", value));
            return Mono.empty();
        });
        return chain.filter(exchange);
    }

    private boolean cameOverTls(ServerHttpRequest request) {
        if (request.getSslInfo() != null) {
            return true;
        }
        String forwardedProto = request.getHeaders().getFirst("X-Forwarded-Proto");
        return forwardedProto != null && clients.fromTrustedProxy(request)
                && forwardedProto.split(",", 2)[0].strip().equalsIgnoreCase("https");
    }

    private static String contentSecurityPolicy(String path) {
        if (PageRoutes.PATHS.contains(path)) {
            return PageRoutes.CONTENT_SECURITY_POLICY;
        }
        return path.startsWith(SWAGGER_UI_PATH) ? SWAGGER_UI_CONTENT_SECURITY_POLICY : CONTENT_SECURITY_POLICY;
    }
}
