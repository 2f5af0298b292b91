package dev.accounts.adapters.web.problem;

import dev.accounts.adapters.web.logging.SampledLog;
import io.netty.handler.codec.DecoderException;
import io.netty.handler.timeout.TimeoutException;
import org.slf4j.LoggerFactory;
import org.slf4j.event.Level;
import org.springframework.http.server.reactive.AbstractServerHttpResponse;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.http.server.reactive.ServerHttpResponseDecorator;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.util.DisconnectedClientHelper;
import reactor.core.publisher.Mono;
import reactor.netty.http.server.HttpServerResponse;

import java.time.Duration;

/**
 * Requests whose client went away before it had sent them whole: it hung up, stalled past the read time-out,
 * or sent a body Netty could not decode (Reactor Netty has then answered 400 itself and closed). Nobody is left to
 * answer, so such a request costs one log line, not an ERROR with a stack trace and a 500 nobody receives.
 */
final class LostClients {

    private static final SampledLog log = new SampledLog(LoggerFactory.getLogger(LostClients.class), Level.INFO, Duration.ofMinutes(1));

    private LostClients() {
    }

    static boolean isLost(Throwable failure, ServerWebExchange exchange) {
        if (DisconnectedClientHelper.isClientDisconnectedException(failure) || answeredByNetty(exchange)) {
            return true;
        }
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof DecoderException || cause instanceof TimeoutException) {
                return true;
            }
        }
        return false;
    }

    /** Reactor Netty answers a request it cannot decode (400, 431) itself, before the application could. */
    private static boolean answeredByNetty(ServerWebExchange exchange) {
        ServerHttpResponse response = exchange.getResponse();
        while (response instanceof ServerHttpResponseDecorator decorator) {
            response = decorator.getDelegate();
        }
        try {
            return response instanceof AbstractServerHttpResponse answer && answer.getNativeResponse() instanceof HttpServerResponse netty
                    && netty.hasSentHeaders();
        } catch (IllegalStateException noNativeResponse) {
            return false; // a test's mock server
        }
    }

    /** Logs the lost request and answers nothing: the connection is closed or already answered. */
    static <T> Mono<T> noAnswer(Throwable failure, ServerWebExchange exchange) {
        if (answeredByNetty(exchange)) {
            return Mono.empty(); // ConnectionGuard has logged what Netty refused
        }
        log.log("{} {} left unanswered: the client went away before it had sent the request ({})", exchange.getRequest().getMethod(), exchange.getRequest().getPath(),
                failure.getClass().getSimpleName());
        return Mono.empty();
    }
}
