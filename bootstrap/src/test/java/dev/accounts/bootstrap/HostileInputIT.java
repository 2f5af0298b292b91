package dev.accounts.bootstrap;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Never a 500 from input: generated JSON (any structure, type, size and Unicode, NUL and lone
 * surrogates included, huge numbers, deep nesting), malformed text and hostile headers go to every
 * endpoint, and no answer is a 5xx or shows a stack trace.
 */
class HostileInputIT {

    private static final List<String> POST_ENDPOINTS = List.of("/users/register", "/auth/login", "/auth/refresh", "/auth/logout");
    private static final List<String> FIELDS = List.of("firstName", "lastName", "email", "password", "confirmPassword");

    private static ConfigurableApplicationContext service;
    private static URI base;
    private static final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** The JDK's client, not WebClient: it sends malformed media types as they are instead of refusing them. */
    private static synchronized URI base() {
        if (base == null) {
            service = new SpringApplicationBuilder(AccountsApplication.class).run(EndToEndTest.argumentsForTheTestDatabase());
            base = URI.create("http://localhost:" + ((WebServerApplicationContext) service).getWebServer().getPort());
        }
        return base;
    }

    @AfterContainer
    static void stopService() {
        if (service != null) {
            service.close();
        }
    }

    private record Answer(int status, String body) {
    }

    private static Answer send(String method, String path, String contentType, String body, String header, String headerValue) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base().resolve(path)).timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (header != null && !headerValue.isEmpty()) {
            request.header(header, headerValue);
        }
        try {
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void assertNoServerErrorIn(Answer answer) {
        assertThat(answer.status()).as("status of %s", answer.body()).isLessThan(500);
        assertThat(answer.body()).doesNotContain("Exception", "\tat ", "at dev.accounts", "at java.", "stackTrace", "\"trace\"");
    }

    @Property(tries = 300)
    void noGeneratedJsonBodyCausesA5xx(@ForAll("endpoints") String path, @ForAll("bodies") String body) {
        assertNoServerErrorIn(send("POST", path, "application/json", body, null, null));
    }

    @Property(tries = 150)
    void noContentTypeOrHeaderCausesA5xx(@ForAll("endpoints") String path, @ForAll("contentTypes") String contentType,
                                          @ForAll("headerNames") String header, @ForAll("headerValues") String value) {
        assertNoServerErrorIn(send("POST", path, contentType, "{\"email\":\"a@b.co\"}", header, value));
        assertNoServerErrorIn(send("GET", "/users/me", null, null, header, value));
    }

    @Provide
    Arbitrary<String> endpoints() {
        return Arbitraries.of(POST_ENDPOINTS);
    }

    @Provide
    Arbitrary<String> bodies() {
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(5, registrationShaped()),
                net.jqwik.api.Tuple.of(3, jsonValue(0)),
                net.jqwik.api.Tuple.of(1, deeplyNested()),
                net.jqwik.api.Tuple.of(1, Arbitraries.strings().all().ofMaxLength(200)),
                net.jqwik.api.Tuple.of(1, Arbitraries.strings().withChars('{', '}', '[', ']', '"', ':', ',', '\\', 'u', '0', 'a', ' ').ofMaxLength(300)),
                net.jqwik.api.Tuple.of(1, Arbitraries.integers().between(10_000, 40_000).map(size -> "{\"email\":\"" + "x".repeat(size) + "\"}")));
    }

    private Arbitrary<String> registrationShaped() {
        return Arbitraries.subsetOf(FIELDS).flatMap(fields -> {
            List<Arbitrary<String>> members = fields.stream()
                    .map(field -> jsonValue(2).map(value -> quoted(field) + ":" + value))
                    .toList();
            return members.isEmpty() ? Arbitraries.just("{}") : Combinators.combine(members).as(parts -> "{" + String.join(",", parts) + "}");
        });
    }

    private Arbitrary<String> jsonValue(int depth) {
        Arbitrary<String> scalar = Arbitraries.oneOf(
                hostileString().map(HostileInputIT::quoted),
                Arbitraries.of("0", "-0", "1e999999", "-1e-999999", "123456789012345678901234567890123456789", "1.5", "NaN", "true", "false", "null"),
                Arbitraries.bigIntegers().between(java.math.BigInteger.TEN.pow(80).negate(), java.math.BigInteger.TEN.pow(80)).map(Object::toString));
        if (depth >= 4) {
            return scalar;
        }
        Arbitrary<String> array = Arbitraries.lazy(() -> jsonValue(depth + 1)).list().ofMaxSize(4)
                .map(items -> "[" + String.join(",", items) + "]");
        Arbitrary<String> object = Combinators.combine(hostileString(), Arbitraries.lazy(() -> jsonValue(depth + 1))).as((k, v) -> quoted(k) + ":" + v)
                .list().ofMaxSize(4).map(members -> "{" + String.join(",", members) + "}");
        return Arbitraries.oneOf(scalar, scalar, array, object);
    }

    private Arbitrary<String> deeplyNested() {
        return Arbitraries.integers().between(20, 2_000).map(depth -> "{\"email\":" + "[".repeat(depth) + "]".repeat(depth) + "}");
    }

    /** Text with the characters parsers and databases trip over, as JSON escapes where raw would be invalid. */
    private Arbitrary<String> hostileString() {
        return Arbitraries.oneOf(
                Arbitraries.strings().all().ofMaxLength(80).map(HostileInputIT::escaped),
                Arbitraries.of("\\u0000", "\\ud800", "\\udc00x", "\\ud83d\\ude00", "a@b.co\\u0000", "\\u202e", "\\uffff", "' OR 1=1 --",
                        "ada@example.com", "correct horse battery staple", "🔥".repeat(20), "x".repeat(300) + "@example.com"),
                Arbitraries.strings().withCharRange('\u0000', '\u001f').ofMaxLength(10).map(HostileInputIT::escaped));
    }

    @Provide
    Arbitrary<String> contentTypes() {
        return Arbitraries.of("application/json", "application/json; charset=utf-16", "application/json; charset=bogus", "text/plain",
                "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "application/xml", "*/*", "application/problem+json",
                "application/json;;;", "garbage");
    }

    @Provide
    Arbitrary<String> headerNames() {
        return Arbitraries.of("Authorization", "Cookie", "X-CSRF-Token", "Origin", "Sec-Fetch-Site", "X-Forwarded-For", "Accept");
    }

    @Provide
    Arbitrary<String> headerValues() {
        return Arbitraries.oneOf(
                Arbitraries.strings().ascii().ofMaxLength(300).map(value -> value.replaceAll("[\\r\\n\\u0000-\\u001f\\u007f]", "")),
                Arbitraries.of("Bearer ", "Bearer a.b.c", "Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.", "__Host-access_token=x; __Secure-refresh_token=y",
                        "__Secure-refresh_token=" + "z".repeat(4000), "null", "cross-site", "http://[::1", "1.2.3.4, nonsense, ::1"));
    }

    private static String quoted(String escapedText) {
        return "\"" + escapedText + "\"";
    }

    private static String escaped(String raw) {
        return raw.chars().mapToObj(c -> c == '"' ? "\\\"" : c == '\\' ? "\\\\" : c < 0x20 || Character.isSurrogate((char) c)
                ? String.format("\\u%04x", c) : String.valueOf((char) c)).collect(Collectors.joining());
    }
}
