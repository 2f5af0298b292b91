package dev.accounts.bootstrap;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class DatabaseEnvironmentPostProcessorTest {

    @ParameterizedTest
    @CsvSource({
            "r2dbc:postgresql://db:5432/accounts, jdbc:postgresql://db:5432/accounts",
            "r2dbc:pool:postgresql://db/accounts?sslmode=require, jdbc:postgresql://db/accounts?sslmode=require",
            "r2dbcs:postgresql://db:5432/accounts, jdbc:postgresql://db:5432/accounts"})
    void pointsFlywayAtTheDatabaseR2dbcUses(String r2dbcUrl, String jdbcUrl) {
        assertThat(DatabaseEnvironmentPostProcessor.jdbcUrlOf(r2dbcUrl)).isEqualTo(jdbcUrl);
    }
}
