package dev.accounts.application.port.out;

import dev.accounts.domain.credentials.Password;
import dev.accounts.domain.credentials.PasswordHash;
import reactor.core.publisher.Mono;

import java.util.OptionalInt;

/** Turns a password into a slow, salted hash fit for storage, and checks passwords against such hashes. */
public interface PasswordHasher {

    /**
     * Hashes off the caller's thread; fails with {@link TemporarilyUnavailableException} when so many
     * hashes are waiting that this one would wait too long.
     */
    Mono<PasswordHash> hash(Password password);

    /** Checks off the caller's thread, at the cost of one hash, and with the same refusal when saturated. */
    Mono<Verification> verify(Password password, PasswordHash hash);

    /**
     * A hash of no one's password made with the active algorithm and parameters. Verifying against it
     * costs what verifying a real user's password costs, so an unknown email takes as long as a wrong password.
     */
    PasswordHash dummyHash();

    /** How many UTF-8 bytes of a password the active algorithm reads, if it stops somewhere (bcrypt: 72). */
    OptionalInt maxPasswordBytes();

    /**
     * @param matches     the password is the one the hash was made from
     * @param needsRehash the hash uses an older algorithm or weaker parameters than the active ones
     */
    record Verification(boolean matches, boolean needsRehash) {
    }
}
