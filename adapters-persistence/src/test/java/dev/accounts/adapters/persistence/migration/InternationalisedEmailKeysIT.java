package dev.accounts.adapters.persistence.migration;

import dev.accounts.adapters.persistence.testing.TestPostgres;
import dev.accounts.domain.testing.JdkDomainNames;
import dev.accounts.domain.user.DomainNames;
import dev.accounts.domain.user.EmailAddresses;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Keys made by the JDK's IDNA 2003, recomputed by a reading that keeps {@code ß}, in a schema of the test's own. */
class InternationalisedEmailKeysIT {

    /** Reads {@code straße.de} as UTS #46 does and everything else as the JDK does. */
    private static final DomainNames KEEPS_SHARP_S = domain -> domain.equalsIgnoreCase("straße.de")
            ? Optional.of("xn--strae-oqa.de") : new JdkDomainNames().toAscii(domain);

    private final TestPostgres postgres = TestPostgres.instance();
    private final String schema = "rekey_" + UUID.randomUUID().toString().replace("-", "");

    private Flyway flyway(String target) {
        return Flyway.configure().dataSource(postgres.jdbcUrl(), postgres.username(), postgres.password())
                .schemas(schema).target(target)
                .javaMigrations(new InternationalisedEmailKeys(new EmailAddresses(KEEPS_SHARP_S)))
                .load();
    }

    @Test
    void rekeysAddressesWhoseDomainIsReadDifferentlyAndLeavesTheRestAlone() throws SQLException {
        flyway("2").migrate();
        try (Connection connection = connect()) {
            insert(connection, "ivan@straße.de", "ivan@strasse.de");
            insert(connection, "ada@example.com", "ada@example.com");
            insert(connection, "juergen@müller.de", "juergen@xn--mller-kva.de");
            insert(connection, "ken@straße.de", "ken@strasse.de");
            insert(connection, "ken@xn--strae-oqa.de", "ken@xn--strae-oqa.de");

            flyway("latest").migrate();

            assertThat(keys(connection)).isEqualTo(Map.of(
                    "ivan@straße.de", "ivan@xn--strae-oqa.de",
                    "ada@example.com", "ada@example.com",
                    "juergen@müller.de", "juergen@xn--mller-kva.de",
                    "ken@straße.de", "ken@strasse.de",
                    "ken@xn--strae-oqa.de", "ken@xn--strae-oqa.de"));
        }
    }

    private Connection connect() throws SQLException {
        Connection connection = DriverManager.getConnection(postgres.jdbcUrl(), postgres.username(), postgres.password());
        connection.createStatement().execute("SET search_path TO " + schema);
        return connection;
    }

    private static void insert(Connection connection, String email, String key) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO users (user_id, email, email_normalized, password_hash, created_at) VALUES (?, ?, ?, '{fake}x', now())")) {
            insert.setObject(1, UUID.randomUUID());
            insert.setString(2, email);
            insert.setString(3, key);
            insert.executeUpdate();
        }
    }

    private static Map<String, String> keys(Connection connection) throws SQLException {
        Map<String, String> keys = new java.util.HashMap<>();
        try (ResultSet rows = connection.createStatement().executeQuery("SELECT email, email_normalized FROM users")) {
            while (rows.next()) {
                keys.put(rows.getString(1), rows.getString(2));
            }
        }
        return keys;
    }
}
