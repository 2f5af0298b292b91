package dev.accounts.adapters.persistence.user;

import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Column;
import org.springframework.data.relational.core.mapping.Table;

import java.time.Instant;
import java.util.UUID;

/** One row of the {@code users} table. */
@Table("users")
record UserRow(
        @Id @Column("user_id") UUID userId,
        @Column("email") String email,
        @Column("email_normalized") String emailNormalized,
        @Column("first_name") String firstName,
        @Column("last_name") String lastName,
        @Column("password_hash") String passwordHash,
        @Column("created_at") Instant createdAt) {

    @Override
    public String toString() {
        return "UserRow[userId=" + userId + "]"; // the row holds a password hash
    }
}
