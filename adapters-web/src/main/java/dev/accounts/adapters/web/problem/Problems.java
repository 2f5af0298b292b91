package dev.accounts.adapters.web.problem;

import dev.accounts.domain.validation.Violation;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * Builds every error answer: an RFC 9457 problem that also carries the original service's
 * {@code successStatus: false} and {@code message}, and {@code errors} listing each {@link FieldError}.
 */
public final class Problems {

    static final String TYPE_PREFIX = "urn:accounts:problem:";

    private Problems() {
    }

    /** 400, naming every violation; {@code message} is the first one's. */
    public static ResponseEntity<ProblemDetail> validationFailed(List<Violation> violations) {
        List<FieldError> errors = violations.stream().map(FieldError::of).toList();
        String detail = errors.size() == 1 ? errors.getFirst().message()
                : "The request has " + errors.size() + " problems; see errors.";
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "validation-failed", "Validation failed", detail, errors);
        return ResponseEntity.badRequest().body(problem);
    }

    /** 409: the request conflicts with what is stored, such as an email already registered. */
    public static ResponseEntity<ProblemDetail> conflict(Violation violation) {
        return of(HttpStatus.CONFLICT, "Conflict", FieldError.of(violation));
    }

    /** A problem about one violation, whose code also names the problem type ({@code auth.invalid_credentials} → {@code auth-invalid-credentials}). */
    public static ResponseEntity<ProblemDetail> of(HttpStatus status, String title, FieldError violation) {
        ProblemDetail problem = problem(status, slugOf(violation.code()), title, violation.message(), List.of(violation));
        return ResponseEntity.status(status).body(problem);
    }

    /** 429 with {@code Retry-After} rounded up to whole seconds. */
    public static ResponseEntity<ProblemDetail> tooManyRequests(FieldError violation, Duration retryAfter) {
        long seconds = Math.max(1, (retryAfter.toMillis() + 999) / 1000);
        ProblemDetail problem = problem(HttpStatus.TOO_MANY_REQUESTS, slugOf(violation.code()),
                "Too many requests", violation.message(), List.of(violation));
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS).header(HttpHeaders.RETRY_AFTER, Long.toString(seconds)).body(problem);
    }

    /** 503 with {@code Retry-After} in whole seconds, at least one. */
    public static ResponseEntity<ProblemDetail> unavailable(String detail, Duration retryAfter) {
        ProblemDetail problem = problem(HttpStatus.SERVICE_UNAVAILABLE, "service-unavailable", "Service unavailable", detail, List.of());
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, retryAfter.toSeconds())))
                .body(problem);
    }

    public static ProblemDetail problem(HttpStatusCode status, String slug, String title, String detail, List<FieldError> violations) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(TYPE_PREFIX + slug));
        problem.setTitle(title);
        return withSeedFields(problem, violations);
    }

    /** Adds the original service's fields to any problem, Spring's own included. */
    public static ProblemDetail withSeedFields(ProblemDetail problem, List<FieldError> violations) {
        problem.setProperty("successStatus", false);
        problem.setProperty("message", violations.isEmpty() ? messageOf(problem) : violations.getFirst().message());
        problem.setProperty("errors", violations);
        return problem;
    }

    /** A code as a problem type's last part, lower case throughout: {@code currentPassword.incorrect} → {@code current-password-incorrect}. */
    static String slugOf(String code) {
        return code.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT).replace('.', '-').replace('_', '-');
    }

    private static String messageOf(ProblemDetail problem) {
        return problem.getDetail() != null ? problem.getDetail() : problem.getTitle();
    }
}
