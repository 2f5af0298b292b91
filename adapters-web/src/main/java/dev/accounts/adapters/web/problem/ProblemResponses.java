package dev.accounts.adapters.web.problem;

import dev.accounts.adapters.web.logging.RequestIdFilter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;

/** Writes a problem straight to the response, for web filters, which answer before any controller; with the request's id. */
public final class ProblemResponses {

    private final JsonMapper json;

    public ProblemResponses(JsonMapper json) {
        this.json = json;
    }

    public Mono<Void> write(ServerWebExchange exchange, ResponseEntity<ProblemDetail> answer) {
        var response = exchange.getResponse();
        response.setStatusCode(answer.getStatusCode());
        response.getHeaders().addAll(answer.getHeaders());
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        response.getHeaders().setCacheControl("no-store");
        ProblemDetail problem = answer.getBody();
        if (problem != null && problem.getInstance() == null) {
            problem.setInstance(URI.create(exchange.getRequest().getPath().value()));
        }
        String requestId = RequestIdFilter.of(exchange);
        if (problem != null && requestId != null) {
            problem.setProperty(RequestIdFilter.CONTEXT_KEY, requestId);
        }
        byte[] body = json.writeValueAsBytes(problem);
        response.getHeaders().set(HttpHeaders.CONTENT_LENGTH, Integer.toString(body.length));
        return response.writeWith(Mono.fromSupplier(() -> response.bufferFactory().wrap(body)));
    }
}
