package dev.accounts.adapters.web.page;

import dev.accounts.adapters.web.WebSliceTest;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

class PageRoutesTest extends WebSliceTest {

    private static final Pattern INLINE_SCRIPT = Pattern.compile("<script(?![^>]*\\ssrc=)[^>]*>", Pattern.CASE_INSENSITIVE);
    private static final Pattern INLINE_STYLE = Pattern.compile("<style|\\sstyle=", Pattern.CASE_INSENSITIVE);
    private static final Pattern EVENT_HANDLER_ATTRIBUTE = Pattern.compile("\\son[a-z]+=", Pattern.CASE_INSENSITIVE);

    private WebTestClient.ResponseSpec get(String path) {
        return client.get().uri(path).exchange();
    }

    private String document(String path) {
        return get(path).expectStatus().isOk()
                .expectHeader().contentType("text/html;charset=UTF-8")
                .expectHeader().valueEquals("Content-Security-Policy", PageRoutes.CONTENT_SECURITY_POLICY)
                .expectHeader().valueEquals("Cache-Control", "no-cache")
                .expectHeader().valueEquals("X-Frame-Options", "DENY")
                .expectBody(String.class).returnResult().getResponseBody();
    }

    @Test
    void servesTheDocumentAtTheRootAndWhereMailedLinksPoint() {
        String root = document("/");

        assertThat(root).contains("<script type=\"module\" src=\"/app.js\"></script>", "<link rel=\"stylesheet\" href=\"/app.css\">");
        assertThat(document("/verify-email?token=abc")).isEqualTo(root);
        assertThat(document("/reset-password?token=abc")).isEqualTo(root);
        assertThat(document("/reset-password")).isEqualTo(root);
    }

    @Test
    void servesItsModuleAndStyleSheetUnderThePagesPolicy() {
        get("/app.js").expectStatus().isOk()
                .expectHeader().contentType("text/javascript;charset=UTF-8")
                .expectHeader().valueEquals("Content-Security-Policy", PageRoutes.CONTENT_SECURITY_POLICY)
                .expectHeader().valueEquals("X-Content-Type-Options", "nosniff")
                .expectBody(String.class).value(script -> assertThat(script).contains("X-CSRF-Token", "/auth/refresh"));
        get("/app.css").expectStatus().isOk()
                .expectHeader().contentType("text/css;charset=UTF-8")
                .expectHeader().valueEquals("Content-Security-Policy", PageRoutes.CONTENT_SECURITY_POLICY);
    }

    @Test
    void answersHeadLikeGetWithoutTheBody() {
        client.head().uri("/app.css").exchange().expectStatus().isOk()
                .expectHeader().contentType("text/css;charset=UTF-8")
                .expectHeader().valueEquals("Content-Security-Policy", PageRoutes.CONTENT_SECURITY_POLICY)
                .expectBody().isEmpty();
    }

    @Test
    void answersNotModifiedToABrowserThatHasTheFileAlready() {
        String etag = get("/app.js").expectStatus().isOk().returnResult(String.class).getResponseHeaders().getETag();

        client.get().uri("/app.js").header("If-None-Match", etag).exchange()
                .expectStatus().isEqualTo(HttpStatus.NOT_MODIFIED)
                .expectHeader().valueEquals("ETag", etag)
                .expectHeader().valueEquals("Cache-Control", "no-cache")
                .expectBody().isEmpty();
        client.get().uri("/app.js").header("If-None-Match", "\"an-older-version\"").exchange().expectStatus().isOk();
        assertThat(get("/app.css").returnResult(String.class).getResponseHeaders().getETag()).isNotEqualTo(etag);
    }

    @Test
    void keepsTheStrictPolicyOnEveryOtherAnswer() {
        get("/users/me").expectStatus().isUnauthorized()
                .expectHeader().value("Content-Security-Policy", PageRoutesTest::allowsNoScript)
                .expectHeader().valueEquals("Cache-Control", "no-store");
        get("/app.js.map").expectStatus().isNotFound()
                .expectHeader().value("Content-Security-Policy", PageRoutesTest::allowsNoScript);
    }

    private static void allowsNoScript(String policy) {
        assertThat(policy).startsWith("default-src 'none';").doesNotContain("script-src");
    }

    @Test
    void holdsNoInlineScriptStyleOrEventHandlerThatThePolicyWouldBlock() {
        String root = document("/");

        assertThat(INLINE_SCRIPT.matcher(root).find()).as("a <script> without src").isFalse();
        assertThat(INLINE_STYLE.matcher(root).find()).as("a <style> element or style attribute").isFalse();
        assertThat(EVENT_HANDLER_ATTRIBUTE.matcher(root).find()).as("an on…= attribute").isFalse();
    }
}
