package dev.accounts.adapters.web.server;

import dev.accounts.adapters.web.client.ClientAddresses;
import io.netty.channel.Channel;
import io.netty.util.AttributeKey;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;
import reactor.netty.Connection;

import java.time.Duration;

/**
 * Keeps the {@code Retry-After} of a 503 for the client that ignores it. A request that comes on a connection
 * before the wait its last 503 asked for has passed is held until then, and only then handled: the client
 * that retries at once gets its answer no sooner than the one that waited, and the service answers it once
 * a second instead of dozens of times. Each time in a row that a connection comes back early, its next wait
 * doubles (up to {@code longestHold}): exponential back-off, kept by the server for a client that keeps none. Under overload that is the difference between hashing and answering
 * refusals: a crowd of clients retrying in a closed loop would otherwise take the CPU the admitted sign-ups
 * need. A client that waits as asked, or comes on a new connection, is served as before, and a refusal
 * still answers at once; connections from trusted proxies, which carry many clients, are never held.
 */
public final class RetryAfterDiscipline implements WebFilter {

    private static final AttributeKey<Hold> HOLD = AttributeKey.valueOf(RetryAfterDiscipline.class.getName() + ".hold");
    /** Doublings at most: the hold reaches {@code longestHold} long before. */
    private static final int MAX_DOUBLINGS = 16;

    private final ClientAddresses clients;
    private final Duration longestHold;

    /** @param longestHold the most a request is held, whatever a {@code Retry-After} asked for */
    public RetryAfterDiscipline(ClientAddresses clients, Duration longestHold) {
        this.clients = clients;
        this.longestHold = longestHold;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        Channel channel = channelOf(exchange.getRequest());
        if (channel == null || clients.fromTrustedProxy(exchange.getRequest())) {
            return chain.filter(exchange);
        }
        Hold last = channel.attr(HOLD).getAndSet(null);
        long early = last == null ? 0 : last.notBefore() - System.nanoTime();
        int strikes = early > 0 ? Math.min(last.strikes() + 1, MAX_DOUBLINGS) : 0;
        Mono<Void> handled = Mono.defer(() -> {
            exchange.getResponse().beforeCommit(() -> Mono.fromRunnable(() -> remember(exchange, channel, strikes)));
            return chain.filter(exchange);
        });
        return early > 0 ? Mono.delay(Duration.ofNanos(early)).then(handled) : handled;
    }

    /** @param strikes how many times in a row this connection came back before its wait was over */
    private void remember(ServerWebExchange exchange, Channel channel, int strikes) {
        HttpStatusCode status = exchange.getResponse().getStatusCode();
        if (status == null || status.value() != HttpStatus.SERVICE_UNAVAILABLE.value()) {
            return;
        }
        String retryAfter = exchange.getResponse().getHeaders().getFirst(HttpHeaders.RETRY_AFTER);
        if (retryAfter == null || !retryAfter.chars().allMatch(Character::isDigit) || retryAfter.length() > 6) {
            return;
        }
        Duration wait = Duration.ofSeconds(Long.parseLong(retryAfter)).multipliedBy(1L << strikes);
        channel.attr(HOLD).set(new Hold(System.nanoTime() + (wait.compareTo(longestHold) > 0 ? longestHold : wait).toNanos(), strikes));
    }

    private record Hold(long notBefore, int strikes) {
    }

    private static Channel channelOf(ServerHttpRequest request) {
        Object netty = ServerHttpRequestDecorator.getNativeRequest(request);
        return netty instanceof Connection connection ? connection.channel() : null;
    }
}
