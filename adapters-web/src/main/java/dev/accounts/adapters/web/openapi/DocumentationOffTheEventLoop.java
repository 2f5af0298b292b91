package dev.accounts.adapters.web.openapi;

import dev.accounts.adapters.web.route.RoutePaths;
import org.reactivestreams.Publisher;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.server.reactive.ServerHttpResponseDecorator;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;

/**
 * springdoc builds the OpenAPI document as it answers, scanning class files, and serves Swagger UI's files by
 * reading them from its jar: blocking work, which must not stall an event loop that other requests share. Requests
 * for the document and the UI are handled, and their bodies read, on the given scheduler instead.
 */
public final class DocumentationOffTheEventLoop implements WebFilter {

    private final Scheduler scheduler;

    public DocumentationOffTheEventLoop(Scheduler scheduler) {
        this.scheduler = scheduler;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String path = RoutePaths.of(exchange.getRequest());
        if (!path.startsWith("/v3/api-docs") && !path.startsWith("/swagger-ui")) {
            return chain.filter(exchange);
        }
        ServerWebExchange offTheEventLoop = exchange.mutate().response(new ServerHttpResponseDecorator(exchange.getResponse()) {
            @Override
            public Mono<Void> writeWith(Publisher<? extends DataBuffer> body) {
                // Netty asks for more of a large file from its event loop; each read then happens on the scheduler.
                return super.writeWith(Flux.from(body).subscribeOn(scheduler));
            }
        }).build();
        return chain.filter(offTheEventLoop).subscribeOn(scheduler);
    }
}
