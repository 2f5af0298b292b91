package dev.accounts.bootstrap;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.mock.env.MockEnvironment;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DatabaseEnvironmentPostProcessorTest {

    private static final DeferredLogFactory LOGS = Supplier::get;

    @ParameterizedTest
    @CsvSource({
            "r2dbc:postgresql://db:5432/accounts, jdbc:postgresql://db:5432/accounts",
            "r2dbc:pool:postgresql://db/accounts?sslmode=require, jdbc:postgresql://db/accounts?sslmode=require",
            "r2dbcs:postgresql://db:5432/accounts, jdbc:postgresql://db:5432/accounts"})
    void pointsFlywayAtTheDatabaseR2dbcUses(String r2dbcUrl, String jdbcUrl) {
        assertThat(DatabaseEnvironmentPostProcessor.jdbcUrlOf(r2dbcUrl)).isEqualTo(jdbcUrl);
    }

    @Test
    void findsTheEmbeddedBinariesTheTestsAndTheDevelopmentJarCarry() {
        assertThat(EmbeddedDatabase.binariesOn(getClass().getClassLoader())).isTrue();
    }

    @Test
    void refusesToStartWithNoDatabaseAndNoBinariesBeforeWritingAnything(@TempDir Path workingDirectory) {
        Path dataDir = workingDirectory.resolve("postgres");
        MockEnvironment environment = new MockEnvironment()
                .withProperty("accounts.embedded-postgres.data-dir", dataDir.toString())
                .withProperty("accounts.embedded-postgres.binaries-dir", workingDirectory.resolve("binaries").toString());
        SpringApplication productionJar = new SpringApplication();
        productionJar.setResourceLoader(new DefaultResourceLoader(new URLClassLoader(new URL[0], null)));

        assertThatThrownBy(() -> new DatabaseEnvironmentPostProcessor(LOGS).postProcessEnvironment(environment, productionJar))
                .isInstanceOf(NoDatabaseConfiguredException.class);
        assertThat(workingDirectory).isEmptyDirectory();
    }

    @Test
    void needsNoBinariesWhenADatabaseIsConfigured() {
        MockEnvironment environment = new MockEnvironment().withProperty("spring.r2dbc.url", "r2dbc:postgresql://db:5432/accounts");
        SpringApplication productionJar = new SpringApplication();
        productionJar.setResourceLoader(new DefaultResourceLoader(new URLClassLoader(new URL[0], null)));

        new DatabaseEnvironmentPostProcessor(LOGS).postProcessEnvironment(environment, productionJar);

        assertThat(environment.getProperty("spring.flyway.url")).isEqualTo("jdbc:postgresql://db:5432/accounts");
    }

    @Test
    void reportsAMissingDatabaseAsAStartUpErrorThatSaysWhatToSet() {
        FailureAnalysis analysis = new NoDatabaseConfiguredFailureAnalyzer().analyze(new NoDatabaseConfiguredException());

        assertThat(analysis.getDescription()).contains("spring.r2dbc.url is not set", "no embedded PostgreSQL");
        assertThat(analysis.getAction()).contains("SPRING_R2DBC_URL", "SPRING_R2DBC_USERNAME", "SPRING_R2DBC_PASSWORD", "./run");
    }
}
