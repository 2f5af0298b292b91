package dev.accounts.adapters.web.problem;

import dev.accounts.adapters.web.logging.SampledLog;
import io.netty.handler.codec.DecoderException;
import io.netty.handler.timeout.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.event.Level;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.AbstractServerHttpResponse;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.http.server.reactive.ServerHttpResponseDecorator;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.util.DisconnectedClientHelper;
import reactor.core.publisher.Mono;
import reactor.netty.http.server.HttpServerResponse;

import java.time.Duration;
import java.util.List;

/**
 * Requests whose client went away before it had sent them whole: it hung up, or sent a body Netty could not
 * decode (Reactor Netty has then answered 400 itself and closed); and requests whose body did not arrive in
 * time, which get a 408. Nobody is left to
 * answer, so such a request costs one log line, not an ERROR with a stack trace and a 500 nobody receives.
 */
final class LostClients {

    private static final SampledLog log = new SampledLog(LoggerFactory.getLogger(LostClients.class), Level.INFO, Duration.ofMinutes(1));
    private static final Logger droppedLog = LoggerFactory.getLogger("reactor.core.publisher.Operators");

    private LostClients() {
    }

    /**
     * The body did not arrive within the read time-out: the server's connection guard fails the body, and
     * the answer is a 408 that says so and closes the connection.
     */
    static boolean timedOut(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof TimeoutException) {
                return true;
            }
        }
        return false;
    }

    static ResponseEntity<ProblemDetail> requestTimeout(ServerWebExchange exchange) {
        log.log("{} {} timed out: the client did not send the whole request in time", exchange.getRequest().getMethod(),
                exchange.getRequest().getPath());
        ProblemDetail problem = Problems.problem(HttpStatus.REQUEST_TIMEOUT, "request-timeout", "Request timeout",
                "The request did not arrive whole in time; send it again.", List.of());
        return ResponseEntity.status(HttpStatus.REQUEST_TIMEOUT).header(HttpHeaders.CONNECTION, "close").body(problem);
    }

    /**
     * For Reactor's hook on errors that arrive after their subscriber has gone: a client's time-out or
     * hang-up reaches both the request's body and the connection, and the second copy is dropped. Those are
     * worth a debug line; anything else is still an error.
     */
    static void dropped(Throwable error) {
        if (timedOut(error) || DisconnectedClientHelper.isClientDisconnectedException(error)) {
            droppedLog.debug("dropped after its subscriber had gone: {}", error.toString());
        } else {
            droppedLog.error("an error arrived after its subscriber had gone", error);
        }
    }

    static boolean isLost(Throwable failure, ServerWebExchange exchange) {
        if (DisconnectedClientHelper.isClientDisconnectedException(failure) || answeredByNetty(exchange)) {
            return true;
        }
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof DecoderException) {
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
