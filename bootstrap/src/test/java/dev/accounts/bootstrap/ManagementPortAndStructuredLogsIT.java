package dev.accounts.bootstrap;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.util.DefaultUriBuilderFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** As in production: the actuator on a port of its own, and the log as ECS JSON, each switched on by one property. */
@TestPropertySource(properties = {"management.server.port=0", "logging.structured.format.console=ecs"})
@ExtendWith(OutputCaptureExtension.class)
class ManagementPortAndStructuredLogsIT extends EndToEndTest {

    @Autowired
    WebTestClient client;

    @Value("${local.management.port}")
    int managementPort;

    /**
     * Spring Boot hands the format to Logback as a system property, which it sets only where none is set yet: left
     * in place, every context started after this one in the same JVM would log JSON too.
     */
    @AfterAll
    static void leaveTheLogHumanReadableForLaterContexts() {
        System.clearProperty("CONSOLE_LOG_STRUCTURED_FORMAT");
    }

    @Test
    void servesTheScrapeAndTheProbesOnTheManagementPortOnly() {
        // The test's client resolves every path against the service's port through its own factory, which a base URL would not replace.
        WebTestClient management = client.mutate().uriBuilderFactory(new DefaultUriBuilderFactory("http://localhost:" + managementPort))
                .codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(PrometheusScrape.MAX_BYTES)).build();

        management.get().uri("/actuator/prometheus").exchange().expectStatus().isOk()
                .expectBody(String.class).value(scrape -> assertThat(scrape).contains("accounts_sign_ins_total"));
        management.get().uri("/actuator/health/readiness").exchange().expectStatus().isOk();
        for (String hidden : List.of("/actuator/env", "/actuator/beans", "/actuator/metrics", "/actuator/loggers", "/actuator/heapdump",
                "/actuator/threaddump", "/actuator/configprops", "/actuator/mappings")) {
            management.get().uri(hidden).exchange().expectStatus().isNotFound();
        }
        client.get().uri("/actuator/prometheus").exchange().expectStatus().isNotFound();
        client.get().uri("/actuator/health/liveness").exchange().expectStatus().isNotFound();
    }

    @Test
    void writesTheSignInAuditAsFieldsWithTheRequestIdAndNoEmail(CapturedOutput output) {
        String email = "nobody-" + System.nanoTime() + "@example.com";
        String id = client.post().uri("/auth/login").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("email", email, "password", "tangerine otter kayak mosaic")).exchange()
                .expectStatus().isUnauthorized().expectBody().returnResult().getResponseHeaders().getFirst("X-Request-Id");

        JsonMapper json = JsonMapper.builder().build();
        List<JsonNode> audit = output.getAll().lines().filter(line -> line.startsWith("{")).map(json::readTree)
                .filter(event -> "sign-in".equals(field(event, "event.action"))).toList();
        assertThat(audit).singleElement().satisfies(event -> {
            assertThat(field(event, "outcome")).isEqualTo("INVALID_CREDENTIALS");
            assertThat(field(event, "requestId")).isEqualTo(id);
            assertThat(field(event, "client.ip")).isNotBlank();
            assertThat(field(event, "user.id")).as("no account has the address").isNull();
            assertThat(field(event, "log.logger")).isEqualTo("accounts.audit.sign-in");
        });
        assertThat(output.getAll()).doesNotContain(email);
    }

    /** A field by its dotted ECS name, whether the formatter wrote it flat ({@code "user.id"}) or nested ({@code "user": {"id"}}). */
    private static String field(JsonNode event, String name) {
        if (event.has(name)) {
            return event.get(name).asString();
        }
        JsonNode node = event;
        for (String part : name.split("\\.")) {
            node = node == null ? null : node.get(part);
        }
        return node == null ? null : node.asString();
    }
}
