package dev.accounts.domain.user;

import java.util.Objects;
import java.util.UUID;

/** Identifies a user; assigned by the domain when the user registers, never by the database. */
public record UserId(UUID value) {

    public UserId {
        Objects.requireNonNull(value, "value");
    }

    public static UserId random() {
        return new UserId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
