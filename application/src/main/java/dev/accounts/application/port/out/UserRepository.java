package dev.accounts.application.port.out;

import dev.accounts.domain.user.EmailAddress;
import dev.accounts.domain.user.User;
import dev.accounts.domain.user.UserId;
import reactor.core.publisher.Mono;

/** Where users are kept. Emails are unique by {@link EmailAddress#key()}, whatever their letter case. */
public interface UserRepository {

    Mono<Boolean> existsByEmail(EmailAddress email);

    /** Completes with EMAIL_TAKEN, not an error, when the unique key on the normalised email fires. */
    Mono<InsertOutcome> insert(User user);

    /** The user with this email in any letter case; empty if there is none. */
    Mono<User> findByEmail(EmailAddress email);

    Mono<User> findById(UserId id);

    /**
     * Stores a state the user's own methods returned if the stored user is still at the version before it:
     * false when another change came first (or the user was deleted), which the caller reads and decides on again.
     */
    Mono<Boolean> update(User user);

    /** Removes the user, whatever its version; the address is free to register again. */
    Mono<Void> delete(User user);

    enum InsertOutcome { INSERTED, EMAIL_TAKEN }
}
