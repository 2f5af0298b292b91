package dev.accounts.adapters.web.openapi;

import dev.accounts.adapters.web.auth.CookieSettings;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.JsonSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.tags.Tag;

import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The parts of the OpenAPI document that many operations share and annotations cannot declare: the problem
 * schema, the refusals any endpoint of a kind can meet (413, 415, 429, 503, 401, 403), the rate-limit and
 * {@code Retry-After} headers, and the security schemes, named after the cookies as configured. Each operation
 * is annotated on its controller and refers to these by the constants below.
 */
public final class ApiDocumentation {

    public static final String PROBLEM_JSON = "application/problem+json";

    public static final String PROBLEM = "#/components/schemas/Problem";
    public static final String REQUEST_TOO_LARGE = "#/components/responses/RequestTooLarge";
    public static final String UNSUPPORTED_MEDIA_TYPE = "#/components/responses/UnsupportedMediaType";
    public static final String RATE_LIMITED = "#/components/responses/RateLimited";
    public static final String UNAVAILABLE = "#/components/responses/Unavailable";
    public static final String NOT_SIGNED_IN = "#/components/responses/NotSignedIn";
    public static final String CROSS_SITE_REFUSED = "#/components/responses/CrossSiteRefused";
    public static final String CSRF_REFUSED = "#/components/responses/CsrfRefused";

    public static final String RATE_LIMIT = "#/components/headers/RateLimit";
    public static final String RETRY_AFTER = "#/components/headers/Retry-After";
    public static final String RATE_LIMIT_POLICY = "#/components/headers/RateLimit-Policy";
    public static final String SESSION_COOKIES = "#/components/headers/SessionCookies";
    public static final String CLEARED_COOKIES = "#/components/headers/ClearedCookies";
    public static final String CSRF_TOKEN = "#/components/headers/X-CSRF-Token";

    public static final String MALFORMED_JSON_EXAMPLE = "#/components/examples/MalformedJson";
    public static final String CROSS_SITE_EXAMPLE = "#/components/examples/CrossSiteRefused";

    /** Security schemes: the access token in its cookie or as a bearer token, and the refresh token in its cookie. */
    public static final String ACCESS_COOKIE = "accessCookie";
    public static final String BEARER = "bearer";
    public static final String REFRESH_COOKIE = "refreshCookie";

    public static final String CSRF_HEADER_DESCRIPTION = "The CSRF token of the session: the value of the CSRF cookie, or of the "
            + "X-CSRF-Token header of the last sign-in or refresh. Required whenever a session cookie is sent; not with a bearer token.";

    private static final String CROSS_SITE = """
            {"type":"urn:accounts:problem:csrf-origin-rejected","title":"Forbidden","status":403,
             "detail":"Cross-site requests may not change state here.","instance":"/auth/login","successStatus":false,
             "message":"Cross-site requests may not change state here.",
             "errors":[{"field":"request","code":"csrf.origin_rejected","message":"Cross-site requests may not change state here."}]}""";

    private ApiDocumentation() {
    }

    public static OpenAPI openApi(CookieSettings cookies) {
        return new OpenAPI()
                .info(new Info().title("accounts").version("1").description("""
                        Sign-up, sign-in and the account's lifecycle. Every error is an RFC 9457 problem \
                        (`application/problem+json`) whose `type` is `urn:accounts:problem:` and a slug, with `errors` \
                        listing each violation with a stable `code`. Answers every endpoint can give are not repeated \
                        on each: 404 for an unknown path, 405 for a method a path does not take (with `Allow`), 408 \
                        for a body that did not arrive in time, and 503 with `Retry-After` while the database is \
                        unreachable."""))
                .tags(List.of(
                        new Tag().name("Registration").description("Signing up and proving the address"),
                        new Tag().name("Session").description("Signing in and out, and who is signed in; tokens travel in cookies"),
                        new Tag().name("Account").description("Recovering and changing the password, signing out everywhere, closing the account"),
                        new Tag().name("Keys").description("The public keys that verify access tokens")))
                .components(new Components()
                        .schemas(schemas())
                        .responses(responses())
                        .headers(headers(cookies))
                        .examples(examples())
                        .securitySchemes(securitySchemes(cookies)));
    }

    private static Map<String, Schema> schemas() {
        Map<String, Schema> schemas = new LinkedHashMap<>();
        schemas.put("FieldError", object("One violation: the field or part of the request, a stable code and a message for people")
                .addProperty("field", string("The field or part of the request", "email"))
                .addProperty("code", string("A stable code for programs", "email.invalid"))
                .addProperty("message", string("For people", "Email must be a valid email address, such as name@example.com."))
                .required(List.of("field", "code", "message")));
        schemas.put("Problem", object("An RFC 9457 problem, with the original service's successStatus and message")
                .addProperty("type", string("urn:accounts:problem: and a slug naming the problem", "urn:accounts:problem:validation-failed"))
                .addProperty("title", string("A short summary of the problem type", "Validation failed"))
                .addProperty("status", typed("integer").description("The HTTP status").example(400))
                .addProperty("detail", string("What went wrong with this request", "The request has 3 problems; see errors."))
                .addProperty("instance", string("The path of the request", "/users/register"))
                .addProperty("successStatus", typed("boolean").description("Always false").example(false))
                .addProperty("message", string("The first violation's message, or the detail", "Email must be a valid email address, such as name@example.com."))
                .addProperty("errors", typed("array").description("Every violation; empty when the problem is not about a field")
                        .items(new JsonSchema().$ref("#/components/schemas/FieldError")))
                .required(List.of("type", "title", "status", "detail", "successStatus", "message", "errors")));
        return schemas;
    }

    private static Map<String, ApiResponse> responses() {
        Map<String, ApiResponse> responses = new LinkedHashMap<>();
        responses.put("RequestTooLarge", problem("The body is over 16 KiB", Map.of("request-too-large", """
                {"type":"urn:accounts:problem:request-too-large","title":"Request body too large","status":413,
                 "detail":"The request body must be at most 16 KiB.","instance":"/users/register",
                 "successStatus":false,"message":"The request body must be at most 16 KiB.","errors":[]}""")));
        responses.put("UnsupportedMediaType", problem("Content-Type is not application/json", Map.of("unsupported-media-type", """
                {"type":"urn:accounts:problem:unsupported-media-type","title":"Unsupported media type","status":415,
                 "detail":"Send the request body as JSON, with the header Content-Type: application/json.","instance":"/users/register",
                 "successStatus":false,"message":"Send the request body as JSON, with the header Content-Type: application/json.","errors":[]}""")));
        responses.put("RateLimited", problem("Too many requests from this client address (code `rate_limit.exceeded`); retry after Retry-After",
                Map.of("rate-limit-exceeded", """
                        {"type":"urn:accounts:problem:rate-limit-exceeded","title":"Too many requests","status":429,
                         "detail":"Too many requests from this address; retry after the time in Retry-After. Trying the service locally? Start it with ACCOUNTS_RATE_LIMIT_ENABLED=false to turn the limits off.",
                         "instance":"/users/register","successStatus":false,
                         "message":"Too many requests from this address; retry after the time in Retry-After. Trying the service locally? Start it with ACCOUNTS_RATE_LIMIT_ENABLED=false to turn the limits off.",
                         "errors":[{"field":"request","code":"rate_limit.exceeded","message":"Too many requests from this address; retry after the time in Retry-After. Trying the service locally? Start it with ACCOUNTS_RATE_LIMIT_ENABLED=false to turn the limits off."}]}"""))
                .headers(rateLimitedHeaders()));
        responses.put("Unavailable", problem("The database is unreachable, or password work is at capacity and this request would wait too long",
                Map.of("service-unavailable", """
                        {"type":"urn:accounts:problem:service-unavailable","title":"Service unavailable","status":503,
                         "detail":"The service is temporarily unable to handle this request; retry later.","instance":"/users/register",
                         "successStatus":false,"message":"The service is temporarily unable to handle this request; retry later.","errors":[]}"""))
                .headers(Map.of("Retry-After", retryAfter())));
        responses.put("NotSignedIn", problem("No valid access token was presented (code `auth.unauthenticated`)", Map.of("auth-unauthenticated", """
                {"type":"urn:accounts:problem:auth-unauthenticated","title":"Unauthorized","status":401,
                 "detail":"Sign in first: no valid access token was presented.","instance":"/users/me","successStatus":false,
                 "message":"Sign in first: no valid access token was presented.",
                 "errors":[{"field":"session","code":"auth.unauthenticated","message":"Sign in first: no valid access token was presented."}]}"""))
                .headers(Map.of("WWW-Authenticate", new Header().description("Bearer realm=\"accounts\"").schema(string(null, "Bearer realm=\"accounts\"")))));
        responses.put("CrossSiteRefused", problem("A browser sent it from another site (code `csrf.origin_rejected`)", Map.of("csrf-origin-rejected", CROSS_SITE)));
        responses.put("CsrfRefused", problem("A session cookie came without a valid X-CSRF-Token for its session (code `csrf.token_invalid`), "
                + "or a browser sent it from another site (code `csrf.origin_rejected`)", Map.of("csrf-token-invalid", """
                {"type":"urn:accounts:problem:csrf-token-invalid","title":"Forbidden","status":403,
                 "detail":"A valid X-CSRF-Token header is required.","instance":"/auth/refresh","successStatus":false,
                 "message":"A valid X-CSRF-Token header is required.",
                 "errors":[{"field":"X-CSRF-Token","code":"csrf.token_invalid","message":"A valid X-CSRF-Token header is required."}]}""",
                "csrf-origin-rejected", CROSS_SITE)));
        return responses;
    }

    private static Map<String, Example> examples() {
        Map<String, Example> examples = new LinkedHashMap<>();
        examples.put("MalformedJson", new Example().summary("The body is not well-formed JSON").value(parsed("""
                {"type":"urn:accounts:problem:malformed-json","title":"Unreadable request","status":400,
                 "detail":"The request body is not well-formed JSON (line 1, column 30).","instance":"/users/register",
                 "successStatus":false,"message":"The request body is not well-formed JSON (line 1, column 30).","errors":[]}""")));
        examples.put("CrossSiteRefused", new Example().summary("A browser sent it from another site").value(parsed(CROSS_SITE)));
        return examples;
    }

    private static Map<String, Header> headers(CookieSettings cookies) {
        String attributes = (cookies.secure() ? "Secure; " : "") + "SameSite=" + cookies.sameSite();
        Map<String, Header> headers = new LinkedHashMap<>();
        headers.put("RateLimit", new Header().description("What is left of this client address's bucket: r tokens, full again in t seconds")
                .schema(string(null, "\"register\";r=4;t=360")));
        headers.put("RateLimit-Policy", new Header().description("The bucket's policy: q requests per w seconds")
                .schema(string(null, "\"register\";q=10;w=3600")));
        headers.put("Retry-After", retryAfter());
        headers.put("SessionCookies", new Header().description("Three Set-Cookie headers: "
                        + cookies.accessTokenName() + " (the access token, HttpOnly; Path=/; Max-Age=the token's lifetime), "
                        + cookies.refreshTokenName() + " (the refresh token, HttpOnly; Path=/auth; Max-Age=until the session ends) and "
                        + cookies.csrfTokenName() + " (the CSRF token, readable by the page; Path=/), each with " + attributes + " and no Domain")
                .schema(string(null, cookies.accessTokenName() + "=eyJraWQiOi…; Path=/; Max-Age=900; HttpOnly; " + attributes)));
        headers.put("ClearedCookies", new Header().description("Three Set-Cookie headers that clear the session cookies (Max-Age=0): "
                        + cookies.accessTokenName() + ", " + cookies.refreshTokenName() + " and " + cookies.csrfTokenName())
                .schema(string(null, cookies.accessTokenName() + "=; Path=/; Max-Age=0; HttpOnly; " + attributes)));
        headers.put("X-CSRF-Token", new Header().description("The new session's CSRF token, for pages on another origin of the same site, "
                        + "which cannot read this host's CSRF cookie")
                .schema(string(null, "b2f1c1de-6f0e-4a53-a1d1-7b8e4c2f9a10.kq3Yx…")));
        return headers;
    }

    private static Map<String, SecurityScheme> securitySchemes(CookieSettings cookies) {
        Map<String, SecurityScheme> schemes = new LinkedHashMap<>();
        schemes.put(ACCESS_COOKIE, new SecurityScheme().type(SecurityScheme.Type.APIKEY).in(SecurityScheme.In.COOKIE)
                .name(cookies.accessTokenName()).description("The access token (an ES256 JWT) in the cookie sign-in sets; "
                        + "state-changing requests also need X-CSRF-Token"));
        schemes.put(BEARER, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")
                .description("The same access token as Authorization: Bearer, for programs that keep no cookies; no CSRF token needed"));
        schemes.put(REFRESH_COOKIE, new SecurityScheme().type(SecurityScheme.Type.APIKEY).in(SecurityScheme.In.COOKIE)
                .name(cookies.refreshTokenName()).description("The refresh token in the cookie sign-in sets, sent only to /auth; "
                        + "with X-CSRF-Token"));
        return schemes;
    }

    private static ApiResponse problem(String description, Map<String, String> examples) {
        MediaType content = new MediaType().schema(new JsonSchema().$ref(PROBLEM));
        examples.forEach((name, json) -> content.addExamples(name, new Example().value(parsed(json))));
        return new ApiResponse().description(description).content(new Content().addMediaType(PROBLEM_JSON, content));
    }

    private static Map<String, Header> rateLimitedHeaders() {
        Map<String, Header> headers = new LinkedHashMap<>();
        headers.put("Retry-After", new Header().$ref(RETRY_AFTER));
        headers.put("RateLimit", new Header().$ref(RATE_LIMIT));
        headers.put("RateLimit-Policy", new Header().$ref(RATE_LIMIT_POLICY));
        return headers;
    }

    private static Header retryAfter() {
        return new Header().description("Seconds to wait before trying again").schema(typed("integer").example(5));
    }

    private static Schema<Object> object(String description) {
        return typed("object").description(description);
    }

    private static Schema<Object> string(String description, String example) {
        return typed("string").description(description).example(example);
    }

    /** An OpenAPI 3.1 schema: its type goes in {@code types}, which a 3.0-style {@code type} would leave out of the document. */
    private static Schema<Object> typed(String type) {
        JsonSchema schema = new JsonSchema();
        schema.addType(type);
        return schema;
    }

    private static Object parsed(String json) {
        try {
            return Json.mapper().readTree(json);
        } catch (com.fasterxml.jackson.core.JsonProcessingException malformed) {
            throw new UncheckedIOException(malformed);
        }
    }
}
