package dev.accounts.domain.token;

import java.util.Objects;

/** The hex SHA-256 of a {@link SecretToken}, under which it is stored and looked up. */
public record TokenHash(String hex) {

    public TokenHash {
        Objects.requireNonNull(hex, "hex");
        if (hex.length() != 64) {
            throw new IllegalArgumentException("a token hash is 64 hex digits");
        }
    }
}
