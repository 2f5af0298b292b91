package dev.accounts.adapters.persistence.session;

import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Column;
import org.springframework.data.relational.core.mapping.Table;

import java.time.Instant;
import java.util.UUID;

/** One row of {@code refresh_tokens}. */
@Table("refresh_tokens")
record RefreshTokenRow(
        @Id @Column("id") UUID id,
        @Column("user_id") UUID userId,
        @Column("family_id") UUID familyId,
        @Column("token_hash") String tokenHash,
        @Column("issued_at") Instant issuedAt,
        @Column("expires_at") Instant expiresAt,
        @Column("replaced_by") UUID replacedBy,
        @Column("replaced_at") Instant replacedAt,
        @Column("revoked_at") Instant revokedAt) {
}
