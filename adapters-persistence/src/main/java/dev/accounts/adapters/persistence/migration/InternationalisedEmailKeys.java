package dev.accounts.adapters.persistence.migration;

import dev.accounts.domain.user.EmailAddresses;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Version 3: the keys of addresses with internationalised domains, recomputed with the service's reading of
 * domain names (UTS #46, nontransitional). Keys were made with the JDK's IDNA 2003 before, which turned
 * {@code straße.de} into {@code strasse.de}; such a user could no longer sign in under the new key. ASCII
 * addresses keep their keys. A new key that another account already has is left alone and logged: two
 * accounts are never merged by a migration. SQL cannot compute UTS #46, hence a Java migration.
 */
public final class InternationalisedEmailKeys implements JavaMigration {

    private static final Logger log = LoggerFactory.getLogger(InternationalisedEmailKeys.class);

    private final EmailAddresses emails;

    public InternationalisedEmailKeys(EmailAddresses emails) {
        this.emails = emails;
    }

    @Override
    public MigrationVersion getVersion() {
        return MigrationVersion.fromVersion("3");
    }

    @Override
    public String getDescription() {
        return "rekey internationalised email domains with UTS 46";
    }

    @Override
    public Integer getChecksum() {
        return 3;
    }

    @Override
    public boolean canExecuteInTransaction() {
        return true;
    }

    @Override
    public void migrate(Context context) throws SQLException {
        Connection connection = context.getConnection();
        for (StoredKey stored : nonAsciiAddresses(connection)) {
            if (emails.problemWith(stored.email()).isPresent()) {
                log.warn("user {} keeps its key: its address is no longer accepted as typed", stored.userId());
                continue;
            }
            String key = emails.parse(stored.email()).key();
            if (key.equals(stored.key())) {
                continue;
            }
            if (taken(connection, key)) {
                log.warn("user {} keeps its key: another account already has the new one", stored.userId());
                continue;
            }
            try (PreparedStatement update = connection.prepareStatement("UPDATE users SET email_normalized = ? WHERE user_id = ?")) {
                update.setString(1, key);
                update.setObject(2, stored.userId());
                update.executeUpdate();
            }
        }
    }

    private record StoredKey(UUID userId, String email, String key) {
    }

    /** In UTF-8, more octets than characters means a character beyond ASCII. */
    private static List<StoredKey> nonAsciiAddresses(Connection connection) throws SQLException {
        List<StoredKey> found = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT user_id, email, email_normalized FROM users WHERE octet_length(email) <> char_length(email)");
             ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                found.add(new StoredKey(rows.getObject(1, UUID.class), rows.getString(2), rows.getString(3)));
            }
        }
        return found;
    }

    private static boolean taken(Connection connection, String key) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT 1 FROM users WHERE email_normalized = ?")) {
            select.setString(1, key);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next();
            }
        }
    }
}
