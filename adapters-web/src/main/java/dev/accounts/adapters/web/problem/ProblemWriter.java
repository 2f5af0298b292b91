package dev.accounts.adapters.web.problem;

import dev.accounts.adapters.web.logging.RequestIdFilter;
import org.reactivestreams.Publisher;
import org.springframework.core.ResolvableType;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ReactiveHttpOutputMessage;
import org.springframework.http.codec.HttpMessageWriter;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpResponse;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import java.util.List;
import java.util.Map;

/**
 * Writes every problem a controller or the error handler answers with, as {@link ProblemResponses} does for
 * filters, adding the request's id as {@code requestId}: a codec is the one place that sees both the problem
 * and the request it answers. Registered ahead of the general JSON writer, which it replaces for problems only.
 */
public final class ProblemWriter implements HttpMessageWriter<ProblemDetail> {

    private static final List<MediaType> MEDIA_TYPES = List.of(MediaType.APPLICATION_PROBLEM_JSON, MediaType.APPLICATION_JSON);

    private final JsonMapper json;

    public ProblemWriter(JsonMapper json) {
        this.json = json;
    }

    @Override
    public List<MediaType> getWritableMediaTypes() {
        return MEDIA_TYPES;
    }

    @Override
    public boolean canWrite(ResolvableType elementType, MediaType mediaType) {
        return ProblemDetail.class.isAssignableFrom(elementType.toClass())
                && (mediaType == null || MEDIA_TYPES.stream().anyMatch(type -> type.isCompatibleWith(mediaType)));
    }

    @Override
    public Mono<Void> write(Publisher<? extends ProblemDetail> problems, ResolvableType elementType, MediaType mediaType,
                            ReactiveHttpOutputMessage message, Map<String, Object> hints) {
        return write(problems, mediaType, message, null);
    }

    @Override
    public Mono<Void> write(Publisher<? extends ProblemDetail> problems, ResolvableType actualType, ResolvableType elementType,
                            MediaType mediaType, ServerHttpRequest request, ServerHttpResponse response, Map<String, Object> hints) {
        return write(problems, mediaType, response, RequestIdFilter.of(request));
    }

    private Mono<Void> write(Publisher<? extends ProblemDetail> problems, MediaType mediaType, ReactiveHttpOutputMessage message,
                             String requestId) {
        return Mono.from(problems).flatMap(problem -> {
            if (requestId != null) {
                problem.setProperty(RequestIdFilter.CONTEXT_KEY, requestId);
            }
            byte[] body = json.writeValueAsBytes(problem);
            HttpHeaders headers = message.getHeaders();
            headers.setContentType(mediaType == null || mediaType.isWildcardType() || mediaType.isWildcardSubtype()
                    ? MediaType.APPLICATION_PROBLEM_JSON : mediaType);
            headers.setContentLength(body.length);
            return message.writeWith(Mono.fromSupplier(() -> message.bufferFactory().wrap(body)));
        });
    }
}
