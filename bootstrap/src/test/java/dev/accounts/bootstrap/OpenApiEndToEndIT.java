package dev.accounts.bootstrap;

import dev.accounts.adapters.web.page.PageRoutes;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.server.HandlerFunction;
import org.springframework.web.reactive.function.server.RequestPredicate;
import org.springframework.web.reactive.function.server.RequestPredicates;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.result.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.util.pattern.PathPattern;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The OpenAPI document the service serves: valid OpenAPI 3.1, describing every route the service has and no answer
 * the tests have not seen, and Swagger UI reachable through the filters under a policy of its own.
 */
class OpenApiEndToEndIT extends EndToEndTest {

    /**
     * Every status the tests see each operation answer; the document may promise no other. Where a status is seen
     * by another test than this one, the test is named. This one sees 403 for a cross-site request to every
     * state-changing operation, and 413 and 415 from every operation that takes a JSON body.
     */
    private static final Map<String, Set<Integer>> OBSERVED = Map.ofEntries(
            // RegistrationEndToEndIT (201, 400, 409), RateLimitEndToEndIT (429), LoadSheddingEndToEndIT and OperationsEndToEndIT (503)
            entry("POST /users/register", Set.of(201, 400, 403, 409, 413, 415, 429, 503)),
            // AuthEndToEndIT (200, 400, 401, 429 throttled), StrictModesEndToEndIT (403 unverified), RateLimitEndToEndIT (429), OperationsEndToEndIT (503)
            entry("POST /auth/login", Set.of(200, 400, 401, 403, 413, 415, 429, 503)),
            // AuthEndToEndIT: rotation, reuse (401), a missing or foreign CSRF token (403)
            entry("POST /auth/refresh", Set.of(200, 401, 403)),
            // AuthEndToEndIT: by refresh cookie, access cookie and bearer (200), a stale bearer token (401), no CSRF token (403)
            entry("POST /auth/logout", Set.of(200, 401, 403)),
            // AuthEndToEndIT
            entry("GET /users/me", Set.of(200, 401)),
            entry("GET /users/{id}", Set.of(200, 401, 404)),
            entry("GET /.well-known/jwks.json", Set.of(200)),
            // LifecycleEndToEndIT (200, 400 token.invalid)
            entry("POST /users/verify-email", Set.of(200, 400, 403, 413, 415)),
            // LifecycleEndToEndIT (202, 400), RateLimitEndToEndIT (429)
            entry("POST /users/verify-email/resend", Set.of(202, 400, 403, 413, 415, 429)),
            // LifecycleEndToEndIT (202), AccountControllerTest (400), RateLimitEndToEndIT (429: one bucket with resend)
            entry("POST /auth/password-reset", Set.of(202, 400, 403, 413, 415, 429)),
            // LifecycleEndToEndIT (200, 400), RateLimitEndToEndIT (429)
            entry("POST /auth/password-reset/confirm", Set.of(200, 400, 403, 413, 415, 429)),
            // LifecycleEndToEndIT (200, 400, 403), AccountControllerTest (401, 429 throttled), RateLimitEndToEndIT (429)
            entry("POST /users/me/password", Set.of(200, 400, 401, 403, 413, 415, 429)),
            // LifecycleEndToEndIT (200, 401)
            entry("POST /auth/logout-everywhere", Set.of(200, 401, 403)),
            // LifecycleEndToEndIT (200, 400), RateLimitEndToEndIT (401, 429)
            entry("DELETE /users/me", Set.of(200, 400, 401, 403, 413, 415, 429)),
            // DevelopmentMailboxRoutesTest (adapters-mail)
            entry("GET /dev/mail", Set.of(200, 404)));

    /** Over 16 KiB in short strings: no single string breaks the parser's own limit first. */
    private static final String OVERSIZED_BODY = IntStream.range(0, 20).mapToObj(i -> "\"field" + i + "\":\"" + "a".repeat(1000) + "\"")
            .collect(Collectors.joining(",", "{", "}"));

    @Autowired
    WebTestClient client;

    @Autowired
    ApplicationContext context;

    @LocalServerPort
    int port;

    /**
     * The document and Swagger UI's files are larger than the 16 KiB the service's codecs allow, which WebTestClient
     * shares; raising its limit would raise the service's too (one decoder instance), so these are read with the JDK's client.
     */
    private HttpResponse<String> get(String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private String document() throws Exception {
        HttpResponse<String> answer = get("/v3/api-docs");
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
        return answer.body();
    }

    @Test
    void servesAValidOpenApi31Document() throws Exception {
        SwaggerParseResult parsed = new OpenAPIV3Parser().readContents(document(), null, new ParseOptions());

        assertThat(parsed.getMessages()).isEmpty();
        assertThat(parsed.getOpenAPI().getOpenapi()).startsWith("3.1.");
        Map<String, SecurityScheme> schemes = parsed.getOpenAPI().getComponents().getSecuritySchemes();
        assertThat(schemes.get("accessCookie").getIn()).isEqualTo(SecurityScheme.In.COOKIE);
        assertThat(schemes.get("accessCookie").getName()).isEqualTo("__Host-access_token");
        assertThat(schemes.get("refreshCookie").getName()).isEqualTo("__Secure-refresh_token");
        assertThat(schemes.get("bearer").getScheme()).isEqualTo("bearer");
    }

    @Test
    void describesEveryRouteTheServiceHasAndPromisesOnlyAnswersTheTestsSee() throws Exception {
        assertDescribesExactly(context, document());
    }

    @Test
    void givesEveryBodyAnExampleAndEveryRefusalToWaitItsRetryAfter() throws Exception {
        OpenAPI document = fullyResolved(document());

        operations(document).forEach((name, operation) -> {
            if (operation.getRequestBody() != null) {
                operation.getRequestBody().getContent().forEach((type, media) -> assertThat(hasExample(media)).as("%s request %s", name, type).isTrue());
            }
            operation.getResponses().forEach((status, response) -> {
                if (response.getContent() != null) {
                    response.getContent().forEach((type, media) -> assertThat(hasExample(media)).as("%s %s %s", name, status, type).isTrue());
                }
                if (status.equals("429") || status.equals("503")) {
                    assertThat(response.getHeaders()).as("%s %s", name, status).containsKey("Retry-After");
                }
                if (!status.startsWith("2") && response.getContent() != null) {
                    assertThat(response.getContent()).as("%s %s", name, status).containsKey("application/problem+json");
                }
            });
        });
        assertThat(operations(document).get("POST /auth/login").getResponses().get("200").getHeaders()).containsKeys("Set-Cookie", "X-CSRF-Token",
                "RateLimit", "RateLimit-Policy");
        assertThat(operations(document).get("POST /auth/refresh").getParameters()).extracting(parameter -> parameter.getName())
                .contains("X-CSRF-Token");
    }

    /** The answers every operation of a kind shares are seen here, for every such operation the document lists. */
    @Test
    void refusesCrossSiteRequestsOtherMediaTypesAndOversizedBodiesWhereTheDocumentSays() throws Exception {
        operations(fullyResolved(document())).forEach((name, operation) -> {
            HttpMethod method = HttpMethod.valueOf(name.substring(0, name.indexOf(' ')));
            String path = name.substring(name.indexOf(' ') + 1);
            if (method == HttpMethod.GET) {
                return;
            }
            client.method(method).uri(path).header("Sec-Fetch-Site", "cross-site").exchange()
                    .expectStatus().isForbidden().expectBody().jsonPath("$.errors[0].code").isEqualTo("csrf.origin_rejected");
            if (operation.getRequestBody() != null) {
                client.method(method).uri(path).header(HttpHeaders.CONTENT_TYPE, "text/plain").bodyValue("hello").exchange()
                        .expectStatus().isEqualTo(HttpStatus.UNSUPPORTED_MEDIA_TYPE).expectBody().returnResult();
                client.method(method).uri(path).header(HttpHeaders.CONTENT_TYPE, "application/json").bodyValue(OVERSIZED_BODY).exchange()
                        .expectStatus().isEqualTo(HttpStatus.CONTENT_TOO_LARGE).expectBody().returnResult();
            }
        });
    }

    @Test
    void servesSwaggerUiUnderItsOwnContentSecurityPolicy() throws Exception {
        HttpResponse<String> redirect = get("/swagger-ui.html");
        assertThat(redirect.statusCode()).isEqualTo(302);
        String page = redirect.headers().firstValue("Location").orElseThrow();

        HttpResponse<String> html = get(page);

        assertThat(html.statusCode()).isEqualTo(200);
        assertThat(html.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
        assertThat(html.headers().firstValue("Content-Security-Policy")).hasValue("default-src 'none'; script-src 'self'; style-src 'self'; "
                + "img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'");
        assertThat(html.body()).contains("swagger-ui-bundle.js", "swagger-initializer.js").doesNotContain("<script>");
        String base = page.substring(0, page.lastIndexOf('/') + 1);
        for (String file : List.of("swagger-ui-bundle.js", "swagger-ui-standalone-preset.js", "swagger-ui.css", "index.css")) {
            assertThat(get(base + file).statusCode()).as(file).isEqualTo(200);
        }
        assertThat(get(base + "swagger-initializer.js").body()).contains("/v3/api-docs");
        HttpResponse<String> config = get("/v3/api-docs/swagger-config");
        assertThat(config.headers().firstValue("Content-Security-Policy"))
                .hasValue("default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'");
        assertThat(config.body()).contains("\"url\":\"/v3/api-docs\"", "\"validatorUrl\":\"none\"");
    }

    @Test
    void describesTheDevelopmentMailboxWhenItIsOn() throws Exception {
        try (ConfigurableApplicationContext withMailbox = new SpringApplicationBuilder(AccountsApplication.class)
                .run(startedBy("--accounts.mail.delivery-interval=1h"))) {
            HttpResponse<String> answer = get(withMailbox, "/v3/api-docs");

            assertThat(answer.statusCode()).isEqualTo(200);
            assertDescribesExactly(withMailbox, answer.body());
            assertThat(operations(fullyResolved(answer.body()))).containsKey("GET /dev/mail");
        }
    }

    @Test
    void servesNoDocumentAndNoSwaggerUiWhenTurnedOff() throws Exception {
        try (ConfigurableApplicationContext withoutDocs = new SpringApplicationBuilder(AccountsApplication.class)
                .run(startedBy("--accounts.mail.delivery-interval=1h", "--accounts.api-docs.enabled=false"))) {
            for (String path : List.of("/v3/api-docs", "/v3/api-docs/swagger-config", "/swagger-ui.html", "/swagger-ui/index.html")) {
                assertThat(get(withoutDocs, path).statusCode()).as(path).isEqualTo(404);
            }
            assertThat(get(withoutDocs, "/.well-known/jwks.json").statusCode()).isEqualTo(200);
        }
    }

    /** Each route mapped by a controller or a router function is documented with its method, and each documented operation is a route. */
    private static void assertDescribesExactly(ApplicationContext context, String json) {
        Map<String, Operation> documented = operations(fullyResolved(json));

        assertThat(documented.keySet()).containsExactlyInAnyOrderElementsOf(routesServedBy(context));
        documented.forEach((name, operation) -> assertThat(operation.getResponses().keySet().stream().map(Integer::valueOf))
                .as("answers documented for %s", name).isSubsetOf(OBSERVED.getOrDefault(name, Set.of())));
    }

    /** "METHOD /path" of every route, but for springdoc's own and the actuator's, with path variables as OpenAPI writes them. */
    private static Set<String> routesServedBy(ApplicationContext context) {
        Set<String> routes = new TreeSet<>();
        context.getBeansOfType(RequestMappingHandlerMapping.class).values().forEach(mapping -> mapping.getHandlerMethods().forEach((info, handler) -> {
            String owner = handler.getBeanType().getPackageName();
            if (owner.startsWith("org.springdoc") || owner.startsWith("org.springframework.boot.actuate")) {
                return;
            }
            for (PathPattern pattern : info.getPatternsCondition().getPatterns()) {
                for (RequestMethod method : info.getMethodsCondition().getMethods()) {
                    routes.add(method.name() + " " + withoutVariablePatterns(pattern.getPatternString()));
                }
            }
        }));
        for (RouterFunction<?> router : context.getBeansOfType(RouterFunction.class).values()) {
            router.accept(new RouteCollector(routes));
        }
        // The browser page's files are for people, not part of the API the document describes.
        routes.removeIf(route -> PageRoutes.PATHS.contains(route.substring(route.indexOf(' ') + 1)));
        return routes;
    }

    /** {@code /users/{id:[0-9a-f]{8}-…}} as {@code /users/{id}}: the regular expression may hold braces of its own. */
    private static String withoutVariablePatterns(String pattern) {
        StringBuilder path = new StringBuilder();
        int depth = 0;
        boolean skipping = false;
        for (char c : pattern.toCharArray()) {
            if (c == '{' && depth++ == 0) {
                path.append(c);
                skipping = false;
                continue;
            }
            if (c == '}' && --depth == 0) {
                path.append(c);
                skipping = false;
                continue;
            }
            if (depth == 1 && c == ':') {
                skipping = true;
            }
            if (!skipping) {
                path.append(c);
            }
        }
        return path.toString();
    }

    private static Map<String, Operation> operations(OpenAPI document) {
        Map<String, Operation> operations = new TreeMap<>();
        document.getPaths().forEach((path, item) -> item.readOperationsMap()
                .forEach((method, operation) -> operations.put(method.name() + " " + path, operation)));
        return operations;
    }

    private static OpenAPI fullyResolved(String json) {
        ParseOptions options = new ParseOptions();
        options.setResolveFully(true);
        return new OpenAPIV3Parser().readContents(json, null, options).getOpenAPI();
    }

    private static boolean hasExample(MediaType media) {
        return media.getExample() != null || media.getExamples() != null && !media.getExamples().isEmpty();
    }

    private static String[] startedBy(String... more) {
        return Stream.concat(Stream.of(argumentsForTheTestDatabase()), Stream.of(more)).toArray(String[]::new);
    }

    // The JDK's client: a WebClient would share the Reactor Netty resources that closing the service disposes.
    private static HttpResponse<String> get(ConfigurableApplicationContext service, String path) throws Exception {
        int port = ((WebServerApplicationContext) service).getWebServer().getPort();
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** The method and path of each route of a router function. */
    private record RouteCollector(Set<String> routes) implements RouterFunctions.Visitor {

        @Override
        public void route(RequestPredicate predicate, HandlerFunction<?> handler) {
            List<String> methods = new ArrayList<>();
            List<String> paths = new ArrayList<>();
            predicate.accept(new RequestPredicates.Visitor() {
                @Override
                public void method(Set<HttpMethod> accepted) {
                    accepted.forEach(method -> methods.add(method.name()));
                }

                @Override
                public void path(String pattern) {
                    paths.add(withoutVariablePatterns(pattern));
                }

                @Override
                public void pathExtension(String extension) {
                }

                @Override
                public void version(String version) {
                }

                @Override
                public void header(String name, String value) {
                }

                @Override
                public void queryParam(String name, String value) {
                }

                @Override
                public void startAnd() {
                }

                @Override
                public void and() {
                }

                @Override
                public void endAnd() {
                }

                @Override
                public void startOr() {
                }

                @Override
                public void or() {
                }

                @Override
                public void endOr() {
                }

                @Override
                public void startNegate() {
                }

                @Override
                public void endNegate() {
                }

                @Override
                public void unknown(RequestPredicate unknown) {
                }
            });
            methods.forEach(method -> paths.forEach(path -> routes.add(method + " " + path)));
        }

        @Override
        public void startNested(RequestPredicate predicate) {
        }

        @Override
        public void endNested(RequestPredicate predicate) {
        }

        @Override
        public void resources(Function<org.springframework.web.reactive.function.server.ServerRequest, reactor.core.publisher.Mono<org.springframework.core.io.Resource>> lookup) {
        }

        @Override
        public void attributes(Map<String, Object> attributes) {
        }

        @Override
        public void unknown(RouterFunction<?> routerFunction) {
        }
    }
}
