package dev.accounts.adapters.web.problem;

import dev.accounts.adapters.web.logging.SampledLog;
import dev.accounts.application.port.out.TemporarilyUnavailableException;
import org.slf4j.LoggerFactory;
import org.slf4j.event.Level;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;

import java.time.Duration;

/**
 * The 503 for a request the service cannot take now. The sign-up and sign-in endpoints answer it
 * themselves rather than through the exception handlers: under overload they refuse thousands of
 * requests a second, on the same cores that are busy hashing, and Spring's error path costs several
 * times what the refusal itself does.
 */
@Component
public final class UnavailableAnswers {

    private final SampledLog refusals = new SampledLog(LoggerFactory.getLogger(UnavailableAnswers.class), Level.WARN, Duration.ofMinutes(1));

    public ResponseEntity<ProblemDetail> answer(TemporarilyUnavailableException unavailable, ServerHttpRequest request) {
        refusals.log("answering 503 to {} {}: {}", request.getMethod(), request.getPath(), unavailable.getMessage());
        return Problems.unavailable("The service is temporarily unable to handle this request; retry later.", unavailable.retryAfter());
    }
}
