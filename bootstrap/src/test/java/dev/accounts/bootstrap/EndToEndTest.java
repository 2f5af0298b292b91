package dev.accounts.bootstrap;

import dev.accounts.adapters.persistence.testing.TestPostgres;
import dev.accounts.application.testing.MutableClock;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * The whole service on a random port against the shared test PostgreSQL, with BlockHound (installed by
 * {@link BlockHoundInstaller}) watching every event-loop thread: a blocking call there fails the request, and so the test.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "accounts.embedded-postgres.enabled=false",
        "accounts.rate-limit.enabled=false",
        "accounts.tokens.signing-key-file=target/test-data/jwt-signing-key.pem",
        "accounts.mail.delivery-interval=100ms",
        "accounts.mail.even-answer-time=0s"})
@AutoConfigureWebTestClient
@Import(EndToEndTestConfiguration.class)
abstract class EndToEndTest {

    static final MutableClock CLOCK = new MutableClock(Instant.now().truncatedTo(ChronoUnit.MICROS));

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestPostgres postgres = TestPostgres.instance();
        registry.add("spring.r2dbc.url", postgres::r2dbcUrl);
        registry.add("spring.r2dbc.username", postgres::username);
        registry.add("spring.r2dbc.password", postgres::password);
        registry.add("spring.flyway.url", postgres::jdbcUrl);
        registry.add("spring.flyway.user", postgres::username);
        registry.add("spring.flyway.password", postgres::password);
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", TestMailServer::port);
    }

    /** Command-line arguments that start the service by hand on the shared test database, limits off. */
    static String[] argumentsForTheTestDatabase() {
        TestPostgres postgres = TestPostgres.instance();
        return new String[]{"--server.port=0", "--accounts.embedded-postgres.enabled=false", "--accounts.rate-limit.enabled=false",
                "--accounts.tokens.signing-key-file=target/test-data/jwt-signing-key.pem", "--accounts.mail.development-mailbox=true",
                "--spring.r2dbc.url=" + postgres.r2dbcUrl(), "--spring.r2dbc.username=" + postgres.username(),
                "--spring.r2dbc.password=" + postgres.password(), "--spring.flyway.url=" + postgres.jdbcUrl(),
                "--spring.flyway.user=" + postgres.username(), "--spring.flyway.password=" + postgres.password()};
    }

    static String anyEmail() {
        return "user-" + UUID.randomUUID() + "@example.com";
    }
}
