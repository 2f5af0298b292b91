package dev.accounts.adapters.persistence.testing;

import dev.accounts.domain.testing.Emails;
import io.r2dbc.spi.ConnectionFactories;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.ConnectionFactoryOptions;
import dev.accounts.adapters.persistence.migration.InternationalisedEmailKeys;
import org.flywaydb.core.Flyway;

/** The shared test PostgreSQL with this service's Flyway migrations applied, and a connection factory to it. */
public final class MigratedTestDatabase {

    private static ConnectionFactory connectionFactory;

    private MigratedTestDatabase() {
    }

    public static synchronized ConnectionFactory connectionFactory() {
        if (connectionFactory == null) {
            TestPostgres postgres = TestPostgres.instance();
            Flyway.configure()
                    .dataSource(postgres.jdbcUrl(), postgres.username(), postgres.password())
                    .javaMigrations(new InternationalisedEmailKeys(Emails.ADDRESSES))
                    .load()
                    .migrate();
            connectionFactory = ConnectionFactories.get(ConnectionFactoryOptions.parse(postgres.r2dbcUrl()).mutate()
                    .option(ConnectionFactoryOptions.USER, postgres.username())
                    .option(ConnectionFactoryOptions.PASSWORD, postgres.password())
                    .build());
        }
        return connectionFactory;
    }
}
