package dev.accounts.adapters.web.page;

import org.springframework.core.io.ClassPathResource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.HandlerFunction;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Map;
import java.util.Set;

import static org.springframework.web.reactive.function.server.RequestPredicates.methods;
import static org.springframework.web.reactive.function.server.RequestPredicates.path;

/**
 * The browser page: one HTML document, its style sheet and its ES module, read once at start-up. The document
 * answers at {@code /} and at the two paths that mailed links open ({@code /verify-email?token=…},
 * {@code /reset-password?token=…}), so links work with {@code accounts.public-url} pointing at this service.
 * Browsers revalidate every file (no-cache with an ETag): a new version shows at once, an unchanged one costs a 304.
 */
public final class PageRoutes implements RouterFunction<ServerResponse> {

    /**
     * The page's own policy, looser than the API's {@code default-src 'none'} only by what the page needs: its
     * script, style sheet and images from this origin, and requests back to it. No inline script or style.
     */
    public static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; "
            + "img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    private static final String DOCUMENT = "index.html";
    private static final Map<String, String> FILES_BY_PATH = Map.of(
            "/", DOCUMENT,
            "/verify-email", DOCUMENT,
            "/reset-password", DOCUMENT,
            "/app.js", "app.js",
            "/app.css", "app.css");

    /** Every path the page answers at, for the headers that depend on it. */
    public static final Set<String> PATHS = FILES_BY_PATH.keySet();

    private final RouterFunction<ServerResponse> routes;

    public PageRoutes() {
        Map<String, Asset> assets = Map.of(
                DOCUMENT, Asset.load(DOCUMENT, new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8)),
                "app.js", Asset.load("app.js", new MediaType("text", "javascript", StandardCharsets.UTF_8)),
                "app.css", Asset.load("app.css", new MediaType("text", "css", StandardCharsets.UTF_8)));
        RouterFunctions.Builder builder = RouterFunctions.route();
        // HEAD too, answered as GET without the body (WebFlux drops it), as the annotated endpoints are.
        FILES_BY_PATH.forEach((route, file) -> builder.route(methods(HttpMethod.GET, HttpMethod.HEAD).and(path(route)),
                request -> serve(request, assets.get(file))));
        this.routes = builder.build();
    }

    @Override
    public Mono<HandlerFunction<ServerResponse>> route(ServerRequest request) {
        return routes.route(request);
    }

    @Override
    public void accept(RouterFunctions.Visitor visitor) {
        routes.accept(visitor);
    }

    private static Mono<ServerResponse> serve(ServerRequest request, Asset asset) {
        boolean unchanged = request.headers().asHttpHeaders().getIfNoneMatch().stream()
                .anyMatch(tag -> tag.equals("*") || tag.equals(asset.etag()) || tag.equals("W/" + asset.etag()));
        ServerResponse.BodyBuilder answer = ServerResponse.status(unchanged ? HttpStatus.NOT_MODIFIED : HttpStatus.OK)
                .eTag(asset.etag())
                .cacheControl(CacheControl.noCache());
        return unchanged ? answer.build() : answer.contentType(asset.type()).bodyValue(asset.bytes());
    }

    private record Asset(MediaType type, byte[] bytes, String etag) {

        static Asset load(String file, MediaType type) {
            try (InputStream in = new ClassPathResource(file, PageRoutes.class).getInputStream()) {
                byte[] bytes = in.readAllBytes();
                byte[] digest = MessageDigest.getInstance("SHA-256").digest(bytes);
                return new Asset(type, bytes, "\"" + Base64.getUrlEncoder().withoutPadding().encodeToString(digest).substring(0, 22) + "\"");
            } catch (IOException unreadable) {
                throw new UncheckedIOException("the page's " + file + " is missing from the jar", unreadable);
            } catch (NoSuchAlgorithmException impossible) {
                throw new IllegalStateException("every JDK has SHA-256", impossible);
            }
        }
    }
}
