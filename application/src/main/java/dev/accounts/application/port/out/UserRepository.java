package dev.accounts.application.port.out;

import dev.accounts.domain.user.EmailAddress;
import dev.accounts.domain.user.PasswordHash;
import dev.accounts.domain.user.User;
import dev.accounts.domain.user.UserId;
import reactor.core.publisher.Mono;

/** Where users are kept. Emails are unique by {@link EmailAddress#key()}, whatever their letter case. */
public interface UserRepository {

    Mono<Boolean> existsByEmail(EmailAddress email);

    /**
     * Whether this repository knows without a query that the email is registered. {@code false} means
     * "not known here", never "free": it lets a saturated instance answer known duplicates at once while
     * spending no query on requests it is about to refuse.
     */
    boolean knownToBeTaken(EmailAddress email);

    /** Completes with EMAIL_TAKEN, not an error, when the unique key on the normalised email fires. */
    Mono<InsertOutcome> insert(User user);

    /** The user with this email in any letter case; empty if there is none. */
    Mono<User> findByEmail(EmailAddress email);

    Mono<User> findById(UserId id);

    Mono<Void> updatePasswordHash(UserId id, PasswordHash hash);

    enum InsertOutcome { INSERTED, EMAIL_TAKEN }
}
