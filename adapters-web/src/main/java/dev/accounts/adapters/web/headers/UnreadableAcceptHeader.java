package dev.accounts.adapters.web.headers;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

import java.util.List;

/**
 * Drops an {@code Accept} header that cannot be read, as RFC 9110 allows, so the request is answered as if
 * it accepted anything. Spring's parser fails on some malformed values ({@code "/!}) with an
 * {@link IndexOutOfBoundsException} instead of its own exception, which would otherwise become a 500.
 */
public final class UnreadableAcceptHeader implements WebFilter {

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        List<String> accept = exchange.getRequest().getHeaders().getOrEmpty(HttpHeaders.ACCEPT);
        if (accept.isEmpty() || isReadable(accept)) {
            return chain.filter(exchange);
        }
        return chain.filter(exchange.mutate().request(request -> request.headers(headers -> headers.remove(HttpHeaders.ACCEPT))).build());
    }

    private static boolean isReadable(List<String> values) {
        try {
            MediaType.parseMediaTypes(values);
            return true;
        } catch (RuntimeException unreadable) {
            return false;
        }
    }
}
