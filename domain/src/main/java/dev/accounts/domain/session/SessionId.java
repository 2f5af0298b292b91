package dev.accounts.domain.session;

import java.util.Objects;
import java.util.UUID;

/** Identifies one sign-in (a refresh-token family): every token rotated from that login shares it. */
public record SessionId(UUID value) {

    public SessionId {
        Objects.requireNonNull(value, "value");
    }

    public static SessionId random() {
        return new SessionId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
