package dev.accounts.domain.user;

import dev.accounts.domain.credentials.PasswordHash;

import java.time.Clock;
import java.time.Instant;
import java.util.Objects;

/** A registered user: created by registration, changed only through its own methods. */
public record User(UserId id, EmailAddress email, PersonName name, PasswordHash passwordHash, Instant registeredAt) {

    public User {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(passwordHash, "passwordHash");
        Objects.requireNonNull(registeredAt, "registeredAt");
    }

    /** The domain assigns the id, so persistence always inserts and never guesses insert-or-update. */
    public static User register(EmailAddress email, PersonName name, PasswordHash hash, Clock clock) {
        return new User(UserId.random(), email, name, hash, clock.instant());
    }

    /** The same password, hashed again under the active algorithm and parameters. */
    public User rehashed(PasswordHash hash) {
        return new User(id, email, name, hash, registeredAt);
    }
}
