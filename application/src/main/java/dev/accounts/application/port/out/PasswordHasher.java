package dev.accounts.application.port.out;

import dev.accounts.domain.user.Password;
import dev.accounts.domain.user.PasswordHash;
import reactor.core.publisher.Mono;

import java.util.OptionalInt;

/** Turns a password into a slow, salted hash fit for storage. */
public interface PasswordHasher {

    /**
     * Hashes off the caller's thread; fails with {@link TemporarilyUnavailableException} when so many
     * hashes are waiting that this one would wait too long.
     */
    Mono<PasswordHash> hash(Password password);

    /** How many UTF-8 bytes of a password the active algorithm reads, if it stops somewhere (bcrypt: 72). */
    OptionalInt maxPasswordBytes();
}
