package dev.accounts.adapters.web.problem;

import dev.accounts.domain.validation.Violation;

/**
 * One entry of a problem's {@code errors}: which field or part of the request, a stable code for programs,
 * and a message for people. The web adapter's own refusals (CSRF, rate limits, sessions) are written as
 * these, next to their codes; the domain's rule violations are translated into them.
 */
public record FieldError(String field, String code, String message) {

    public static FieldError of(Violation violation) {
        return new FieldError(violation.field(), violation.code(), violation.message());
    }
}
