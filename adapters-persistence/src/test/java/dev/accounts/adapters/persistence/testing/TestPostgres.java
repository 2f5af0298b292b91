package dev.accounts.adapters.persistence.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * One real PostgreSQL 17 per test JVM: a Testcontainers container where a Docker engine answers,
 * otherwise an embedded server (zonky). Tests that share it use fresh random emails, so they stay
 * independent of each other and of their order.
 */
public abstract sealed class TestPostgres permits TestPostgres.Container, TestPostgres.Embedded {

    private static TestPostgres instance;

    /** The shared server, started on first use and stopped when the JVM exits. */
    public static synchronized TestPostgres instance() {
        if (instance == null) {
            instance = DockerClientFactory.instance().isDockerAvailable() ? new Container() : new Embedded();
            Runtime.getRuntime().addShutdownHook(new Thread(instance::stop, "test-postgres-stop"));
        }
        return instance;
    }

    public abstract String host();

    public abstract int port();

    public abstract String database();

    public abstract String username();

    public abstract String password();

    /** Which of the two ways this server was started, for the logs of a failing build. */
    public abstract String kind();

    abstract void stop();

    public String jdbcUrl() {
        return "jdbc:postgresql://" + host() + ":" + port() + "/" + database();
    }

    public String r2dbcUrl() {
        return "r2dbc:postgresql://" + host() + ":" + port() + "/" + database();
    }

    static final class Container extends TestPostgres {

        private final PostgreSQLContainer container = new PostgreSQLContainer("postgres:17");

        Container() {
            container.start();
        }

        @Override
        public String host() {
            return container.getHost();
        }

        @Override
        public int port() {
            return container.getMappedPort(PostgreSQLContainer.POSTGRESQL_PORT);
        }

        @Override
        public String database() {
            return container.getDatabaseName();
        }

        @Override
        public String username() {
            return container.getUsername();
        }

        @Override
        public String password() {
            return container.getPassword();
        }

        @Override
        public String kind() {
            return "Testcontainers postgres:17";
        }

        @Override
        void stop() {
            container.stop();
        }
    }

    static final class Embedded extends TestPostgres {

        private final EmbeddedPostgres postgres;

        Embedded() {
            try {
                postgres = EmbeddedPostgres.builder().start();
            } catch (IOException e) {
                throw new UncheckedIOException("could not start embedded PostgreSQL", e);
            }
        }

        @Override
        public String host() {
            return "localhost";
        }

        @Override
        public int port() {
            return postgres.getPort();
        }

        @Override
        public String database() {
            return "postgres";
        }

        @Override
        public String username() {
            return "postgres";
        }

        @Override
        public String password() {
            return "postgres";
        }

        @Override
        public String kind() {
            return "embedded PostgreSQL (no Docker engine answered)";
        }

        @Override
        void stop() {
            try {
                postgres.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
