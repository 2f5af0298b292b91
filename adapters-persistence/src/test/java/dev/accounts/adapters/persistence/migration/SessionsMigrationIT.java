package dev.accounts.adapters.persistence.migration;

import dev.accounts.adapters.persistence.testing.TestPostgres;
import dev.accounts.domain.testing.JdkDomainNames;
import dev.accounts.domain.user.EmailAddresses;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Refresh-token families stored before version 4 become sessions that still know every token they issued. */
class SessionsMigrationIT {

    private static final Instant SIGNED_IN = Instant.parse("2026-11-20T10:00:00Z");
    private static final Instant EXPIRES = SIGNED_IN.plusSeconds(14 * 24 * 3600);

    private final TestPostgres postgres = TestPostgres.instance();
    private final String schema = "sessions_" + UUID.randomUUID().toString().replace("-", "");

    private Flyway flyway(String target) {
        return Flyway.configure().dataSource(postgres.jdbcUrl(), postgres.username(), postgres.password())
                .schemas(schema).target(target)
                .javaMigrations(new InternationalisedEmailKeys(new EmailAddresses(new JdkDomainNames())))
                .load();
    }

    @Test
    void turnsEachFamilyIntoASessionWhoseCurrentTokenIsTheOneNotYetReplaced() throws SQLException {
        flyway("3").migrate();
        try (Connection connection = connect()) {
            UUID user = user(connection);
            UUID rotated = UUID.randomUUID();
            UUID revoked = UUID.randomUUID();
            UUID second = UUID.randomUUID();
            token(connection, UUID.randomUUID(), user, rotated, "a1", 0, second, null);
            token(connection, second, user, rotated, "a2", 60, null, null);
            token(connection, UUID.randomUUID(), user, revoked, "b1", 0, null, SIGNED_IN.plusSeconds(120));
            token(connection, UUID.randomUUID(), user, revoked, "b2", 30, null, SIGNED_IN.plusSeconds(120));

            flyway("latest").migrate();

            assertThat(session(connection, rotated)).isEqualTo(hash("a2") + " revoked=false version=0 replaced=0");
            assertThat(session(connection, revoked)).isEqualTo(hash("b2") + " revoked=true version=0 replaced=0");
            assertThat(count(connection, "SELECT count(*) FROM session_tokens WHERE session_id = '" + rotated + "'")).isEqualTo(2);
            assertThat(count(connection, "SELECT count(*) FROM session_tokens WHERE session_id = '" + revoked + "'")).isEqualTo(2);
            assertThat(count(connection, "SELECT count(*) FROM information_schema.tables WHERE table_schema = '" + schema
                    + "' AND table_name = 'refresh_tokens'")).isZero();
        }
    }

    private Connection connect() throws SQLException {
        Connection connection = DriverManager.getConnection(postgres.jdbcUrl(), postgres.username(), postgres.password());
        connection.createStatement().execute("SET search_path TO " + schema);
        return connection;
    }

    private static UUID user(Connection connection) throws SQLException {
        UUID id = UUID.randomUUID();
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO users (user_id, email, email_normalized, password_hash, created_at) VALUES (?, 'ada@example.com', 'ada@example.com', '{fake}x', now())")) {
            insert.setObject(1, id);
            insert.executeUpdate();
        }
        return id;
    }

    private static void token(Connection connection, UUID id, UUID user, UUID family, String name, int issuedAfterSeconds, UUID replacedBy,
                              Instant revokedAt) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("""
                INSERT INTO refresh_tokens (id, user_id, family_id, token_hash, issued_at, expires_at, replaced_by, replaced_at, revoked_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
            insert.setObject(1, id);
            insert.setObject(2, user);
            insert.setObject(3, family);
            insert.setString(4, hash(name));
            insert.setTimestamp(5, Timestamp.from(SIGNED_IN.plusSeconds(issuedAfterSeconds)));
            insert.setTimestamp(6, Timestamp.from(EXPIRES));
            insert.setObject(7, replacedBy);
            insert.setTimestamp(8, replacedBy == null ? null : Timestamp.from(SIGNED_IN.plusSeconds(60)));
            insert.setTimestamp(9, revokedAt == null ? null : Timestamp.from(revokedAt));
            insert.executeUpdate();
        }
    }

    private static String session(Connection connection, UUID id) throws SQLException {
        try (ResultSet row = connection.createStatement().executeQuery("SELECT current_token_hash, revoked_at IS NOT NULL, version, "
                + "cardinality(replaced_token_hashes) FROM sessions WHERE session_id = '" + id + "' AND expires_at = '" + EXPIRES + "'")) {
            return row.next() ? row.getString(1) + " revoked=" + row.getBoolean(2) + " version=" + row.getLong(3) + " replaced=" + row.getInt(4) : "none";
        }
    }

    private static long count(Connection connection, String query) throws SQLException {
        try (ResultSet row = connection.createStatement().executeQuery(query)) {
            row.next();
            return row.getLong(1);
        }
    }

    /** 64 hex digits, as the column holds; which ones does not matter here. */
    private static String hash(String name) {
        return String.format("%64s", Integer.toHexString(name.hashCode())).replace(' ', '0');
    }
}
