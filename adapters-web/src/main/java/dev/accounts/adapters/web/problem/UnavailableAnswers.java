package dev.accounts.adapters.web.problem;

import dev.accounts.application.port.out.TemporarilyUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;

import java.util.concurrent.atomic.AtomicLong;

/**
 * The 503 for a request the service cannot take now. The sign-up and sign-in endpoints answer it
 * themselves rather than through the exception handlers: under overload they refuse thousands of
 * requests a second, on the same cores that are busy hashing, and Spring's error path costs several
 * times what the refusal itself does.
 */
@Component
public final class UnavailableAnswers {

    private static final Logger log = LoggerFactory.getLogger(UnavailableAnswers.class);
    private static final long WARNING_INTERVAL_NANOS = 60_000_000_000L;

    private final AtomicLong lastWarning = new AtomicLong(System.nanoTime() - WARNING_INTERVAL_NANOS - 1);

    public ResponseEntity<ProblemDetail> answer(TemporarilyUnavailableException unavailable, ServerHttpRequest request) {
        // Under overload this fires thousands of times a second: one warning a minute, the rest at debug.
        long now = System.nanoTime();
        long last = lastWarning.get();
        if (now - last > WARNING_INTERVAL_NANOS && lastWarning.compareAndSet(last, now)) {
            log.warn("answering 503 (further ones this minute at debug level): {}", unavailable.getMessage());
        } else if (log.isDebugEnabled()) {
            log.debug("answering 503 to {} {}: {}", request.getMethod(), request.getPath(), unavailable.getMessage());
        }
        return Problems.unavailable("The service is temporarily unable to handle this request; retry later.", unavailable.retryAfter());
    }
}
