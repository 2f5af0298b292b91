package dev.accounts.adapters.web.problem;

import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

import java.net.URI;

/**
 * Our type and words for the answers Spring gives on its own (no such path, wrong method, wrong media
 * type), which it would otherwise send with {@code type: about:blank} and details such as "No static resource .".
 */
final class FrameworkProblems {

    private FrameworkProblems() {
    }

    static void explain(ProblemDetail problem, HttpStatusCode status) {
        switch (status.value()) {
            case 404 -> set(problem, "not-found", "Not found", "There is nothing at this address; see the API in the README.");
            case 405 -> set(problem, "method-not-allowed", "Method not allowed", "This address does not accept that method; see the Allow header.");
            case 406 -> set(problem, "not-acceptable", "Not acceptable", "This address answers in JSON only.");
            case 415 -> set(problem, "unsupported-media-type", "Unsupported media type",
                    "Send the request body as JSON, with the header Content-Type: application/json.");
            default -> set(problem, "http-" + status.value(), problem.getTitle(), problem.getDetail());
        }
    }

    private static void set(ProblemDetail problem, String slug, String title, String detail) {
        problem.setType(URI.create(Problems.TYPE_PREFIX + slug));
        problem.setTitle(title);
        problem.setDetail(detail);
    }
}
