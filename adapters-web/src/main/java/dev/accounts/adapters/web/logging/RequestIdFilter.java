package dev.accounts.adapters.web.logging;

import dev.accounts.adapters.web.client.ClientAddresses;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;
import reactor.util.context.Context;

import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

/**
 * Gives every request an id that its answer carries in {@code X-Request-Id} (and its problem body in
 * {@code requestId}), and that every log line written for it carries too, so a user's report can be matched to
 * the lines. The id a trusted proxy sends is kept, when it is short, made of safe characters and alone (the
 * proxy must set it, not pass the client's on: the README says how), so that one id
 * follows the request through the proxy's logs and ours; anyone else's is replaced, since a client could
 * otherwise forge lines that seem to belong to another user's request. The id travels in the Reactor context
 * under {@link #CONTEXT_KEY}, which the application propagates into the logging MDC across thread hops.
 */
public final class RequestIdFilter implements WebFilter {

    public static final String HEADER = "X-Request-Id";
    /** The Reactor context key, request attribute and MDC key (hence the field name in structured logs). */
    public static final String CONTEXT_KEY = "requestId";

    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    private final ClientAddresses clients;

    public RequestIdFilter(ClientAddresses clients) {
        this.clients = clients;
    }

    /** The id of the request, or null before this filter has seen it. */
    public static String of(ServerHttpRequest request) {
        return request.getAttributes().get(CONTEXT_KEY) instanceof String id ? id : null;
    }

    /** The id of the exchange's request, or null before this filter has seen it. */
    public static String of(ServerWebExchange exchange) {
        return exchange.getAttribute(CONTEXT_KEY) instanceof String id ? id : of(exchange.getRequest());
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String id = idFor(exchange.getRequest());
        exchange.getAttributes().put(CONTEXT_KEY, id);
        exchange.getRequest().getAttributes().put(CONTEXT_KEY, id);
        // Spring's own log lines about this exchange are prefixed with this id too.
        exchange.getAttributes().put(ServerWebExchange.LOG_ID_ATTRIBUTE, id);
        // Set as the answer leaves, so that an error handler that starts the headers over cannot drop it.
        exchange.getResponse().beforeCommit(() -> Mono.fromRunnable(() -> exchange.getResponse().getHeaders().set(HEADER, id)));
        return chain.filter(exchange).contextWrite(Context.of(CONTEXT_KEY, id));
    }

    private String idFor(ServerHttpRequest request) {
        // More than one value means the proxy passed a client's along with its own: neither is taken.
        List<String> offered = request.getHeaders().getOrEmpty(HEADER);
        if (offered.size() == 1 && SAFE.matcher(offered.get(0)).matches() && clients.fromTrustedProxy(request)) {
            return offered.get(0);
        }
        return HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong());
    }
}
