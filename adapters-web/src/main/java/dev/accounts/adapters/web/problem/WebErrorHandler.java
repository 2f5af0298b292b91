package dev.accounts.adapters.web.problem;

import dev.accounts.adapters.web.WebAdapterConfiguration;
import dev.accounts.adapters.web.logging.SampledLog;
import dev.accounts.application.port.out.TemporarilyUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.event.Level;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.reactive.result.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ServerWebInputException;
import reactor.core.publisher.Hooks;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.DatabindException;

import java.net.URI;
import java.nio.charset.CharacterCodingException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Turns every failure into a problem answer. Framework errors (405, 415, unreadable bodies) keep
 * Spring's status and gain the original service's fields; anything unplanned becomes a bare 500
 * whose details go to the log only. Parser messages are never echoed: they quote the input, which
 * may be a password.
 */
@RestControllerAdvice
public class WebErrorHandler extends ResponseEntityExceptionHandler implements InitializingBean, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(WebErrorHandler.class);
    private static final URI ABOUT_BLANK = URI.create("about:blank");

    private final SampledLog refusals = new SampledLog(log, Level.WARN, Duration.ofMinutes(1));

    /** Errors Reactor drops once their request is over are this handler's to judge too (see {@link LostClients#dropped}). */
    @Override
    public void afterPropertiesSet() {
        Hooks.onErrorDropped(LostClients::dropped);
    }

    @Override
    public void destroy() {
        Hooks.resetOnErrorDropped();
    }

    /** The one place where a dependency that cannot serve now (the database, the hashing capacity) becomes a 503. */
    @ExceptionHandler(TemporarilyUnavailableException.class)
    ResponseEntity<ProblemDetail> unavailable(TemporarilyUnavailableException unavailable, ServerWebExchange exchange) {
        refusals.log("answering 503 to {} {}: {}", exchange.getRequest().getMethod(), exchange.getRequest().getPath(), unavailable.getMessage());
        return Problems.unavailable("The service is temporarily unable to handle this request; retry later.", unavailable.retryAfter());
    }

    @ExceptionHandler(Exception.class)
    Mono<ResponseEntity<ProblemDetail>> unexpected(Exception failure, ServerWebExchange exchange) {
        if (LostClients.timedOut(failure)) {
            return Mono.just(LostClients.requestTimeout(exchange));
        }
        if (LostClients.isLost(failure, exchange)) {
            return LostClients.noAnswer(failure, exchange);
        }
        log.error("unexpected failure on {} {}", exchange.getRequest().getMethod(), exchange.getRequest().getPath(), failure);
        ProblemDetail problem = Problems.problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error", "Internal error",
                "The service failed to handle this request.", List.of());
        return Mono.just(ResponseEntity.internalServerError().body(problem));
    }

    @Override
    protected Mono<ResponseEntity<Object>> handleServerWebInputException(ServerWebInputException exception, HttpHeaders headers,
                                                                         HttpStatusCode status, ServerWebExchange exchange) {
        if (causeOf(exception, DataBufferLimitException.class).isPresent()) {
            return handleExceptionInternal(exception, null, headers, HttpStatus.CONTENT_TOO_LARGE, exchange);
        }
        return handleExceptionInternal(exception, unreadableBody(exception), headers, HttpStatus.BAD_REQUEST, exchange);
    }

    @Override
    protected Mono<ResponseEntity<Object>> handleExceptionInternal(Exception exception, Object body, HttpHeaders headers,
                                                                   HttpStatusCode status, ServerWebExchange exchange) {
        if (LostClients.timedOut(exception)) {
            ResponseEntity<ProblemDetail> timeout = LostClients.requestTimeout(exchange);
            return Mono.just(ResponseEntity.status(timeout.getStatusCode()).headers(timeout.getHeaders()).body(timeout.getBody()));
        }
        if (LostClients.isLost(exception, exchange)) {
            return LostClients.noAnswer(exception, exchange);
        }
        Object problem = body;
        if (status.value() == HttpStatus.CONTENT_TOO_LARGE.value()) {
            problem = Problems.problem(HttpStatus.CONTENT_TOO_LARGE, "request-too-large", "Request body too large",
                    "The request body must be at most " + WebAdapterConfiguration.MAX_REQUEST_BODY_BYTES / 1024 + " KiB.", List.of());
        } else if (problem == null && exception instanceof ErrorResponse response) {
            problem = response.updateAndGetBody(getMessageSource(), Locale.ENGLISH);
        }
        if (problem instanceof ProblemDetail detail && (detail.getType() == null || ABOUT_BLANK.equals(detail.getType()))) {
            FrameworkProblems.explain(detail, status);
        }
        if (problem instanceof ProblemDetail detail && (detail.getProperties() == null || !detail.getProperties().containsKey("successStatus"))) {
            Problems.withSeedFields(detail, List.of());
        }
        return super.handleExceptionInternal(exception, problem, headers, status, exchange);
    }

    private static ProblemDetail unreadableBody(ServerWebInputException exception) {
        if (causeOf(exception, CharacterCodingException.class).isPresent()) {
            return malformed("malformed-json", "The request body is not valid UTF-8; JSON must be sent in UTF-8.");
        }
        Optional<JacksonException> json = causeOf(exception, JacksonException.class);
        if (json.isEmpty()) {
            return malformed("missing-body", "The request body is missing or unreadable; send a JSON object.");
        }
        if (json.get() instanceof DatabindException mismatch) {
            return mismatch.getPath().isEmpty() || mismatch.getPath().getFirst().getPropertyName() == null
                    ? malformed("not-an-object", "The request body must be a JSON object.")
                    : wrongType(mismatch.getPath().getFirst().getPropertyName());
        }
        TokenStreamLocation location = json.get().getLocation();
        String where = location == null ? "" : " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
        return malformed("malformed-json", "The request body is not well-formed JSON" + where + ".");
    }

    private static ProblemDetail malformed(String slug, String detail) {
        return Problems.problem(HttpStatus.BAD_REQUEST, slug, "Unreadable request", detail, List.of());
    }

    private static ProblemDetail wrongType(String field) {
        FieldError violation = new FieldError(field, "request.invalid_type", field + " must be a string.");
        return Problems.problem(HttpStatus.BAD_REQUEST, "invalid-type", "Unreadable request", violation.message(), List.of(violation));
    }

    private static <T extends Throwable> Optional<T> causeOf(Throwable error, Class<T> type) {
        for (Throwable cause = error; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (type.isInstance(cause)) {
                return Optional.of(type.cast(cause));
            }
        }
        return Optional.empty();
    }
}
