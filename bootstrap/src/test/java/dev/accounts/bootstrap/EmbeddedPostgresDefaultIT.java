package dev.accounts.bootstrap;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.WebClient;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The service as the README runs it: no database configured, so it brings its own and keeps the data. */
class EmbeddedPostgresDefaultIT {

    private static final String PASSWORD = "tangerine otter kayak mosaic";

    @TempDir
    Path dataDir;

    @Test
    void keepsUsersAcrossARestart() {
        Map<String, String> registration = Map.of("email", "restart@example.com", "password", PASSWORD, "confirmPassword", PASSWORD);

        try (ConfigurableApplicationContext first = start()) {
            assertThat(register(first, registration)).isEqualTo(201);
        }
        assertThat(Files.exists(dataDir.resolve("PG_VERSION"))).isTrue();

        try (ConfigurableApplicationContext second = start()) {
            assertThat(register(second, registration)).isEqualTo(409);
        }
    }

    private ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(AccountsApplication.class)
                .run("--server.port=0", "--accounts.embedded-postgres.data-dir=" + dataDir,
                        "--accounts.tokens.signing-key-file=" + dataDir.resolveSibling(dataDir.getFileName() + "-key.pem"));
    }

    private static int register(ConfigurableApplicationContext context, Map<String, String> body) {
        int port = ((WebServerApplicationContext) context).getWebServer().getPort();
        return WebClient.create("http://localhost:" + port).post().uri("/users/register")
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body)
                .exchangeToMono(response -> response.releaseBody().thenReturn(response.statusCode().value()))
                .block(Duration.ofSeconds(30));
    }
}
