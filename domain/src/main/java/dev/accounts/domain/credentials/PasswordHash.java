package dev.accounts.domain.credentials;

import java.util.Objects;

/** A password hash in the encoder's storage format, with its {@code {algorithm}} prefix. */
public record PasswordHash(String value) {

    public PasswordHash {
        Objects.requireNonNull(value, "value");
        if (value.isBlank()) {
            throw new IllegalArgumentException("a password hash is never blank");
        }
    }

    @Override
    public String toString() {
        return "PasswordHash[******]"; // a hash is an offline-cracking target: never print it
    }
}
