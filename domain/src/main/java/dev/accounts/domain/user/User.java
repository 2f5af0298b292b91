package dev.accounts.domain.user;

import dev.accounts.domain.credentials.PasswordHash;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A registered user: created by registration, changed only through its own methods.
 *
 * @param emailVerifiedAt when the owner proved the address theirs by following a verification link
 * @param version         counts stored changes, so that two concurrent changes cannot both win
 */
public record User(UserId id, EmailAddress email, PersonName name, PasswordHash passwordHash, Instant registeredAt,
                   Optional<Instant> emailVerifiedAt, long version) {

    public User {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(passwordHash, "passwordHash");
        Objects.requireNonNull(registeredAt, "registeredAt");
        Objects.requireNonNull(emailVerifiedAt, "emailVerifiedAt");
    }

    /** The domain assigns the id, so persistence always inserts and never guesses insert-or-update. */
    public static User register(EmailAddress email, PersonName name, PasswordHash hash, Clock clock) {
        return new User(UserId.random(), email, name, hash, clock.instant(), Optional.empty(), 0);
    }

    /** The same password, hashed again under the active algorithm and parameters. */
    public User rehashed(PasswordHash hash) {
        return withPasswordHash(hash);
    }

    /** A new password the owner chose (by changing it, or by a reset link). */
    public User passwordChanged(PasswordHash hash) {
        return withPasswordHash(hash);
    }

    /**
     * A new password chosen through a reset link, which was mailed to the address: following it proves the
     * address as a verification link would.
     */
    public User passwordReset(PasswordHash hash, Instant now) {
        return new User(id, email, name, hash, registeredAt, Optional.of(emailVerifiedAt.orElse(now)), version + 1);
    }

    /** What names this user, which a password of theirs must not contain or an estimate should try first. */
    public List<String> identifyingWords() {
        return Stream.of(Optional.of(email.value()), Optional.of(email.localPart()), name.firstName(), name.lastName())
                .flatMap(Optional::stream)
                .toList();
    }

    /** Following a verification link proves the address; proving it again changes nothing. */
    public User emailVerified(Instant now) {
        return isEmailVerified() ? this : new User(id, email, name, passwordHash, registeredAt, Optional.of(now), version + 1);
    }

    public boolean isEmailVerified() {
        return emailVerifiedAt.isPresent();
    }

    private User withPasswordHash(PasswordHash hash) {
        return new User(id, email, name, hash, registeredAt, emailVerifiedAt, version + 1);
    }
}
