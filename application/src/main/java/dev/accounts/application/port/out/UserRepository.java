package dev.accounts.application.port.out;

import dev.accounts.domain.user.EmailAddress;
import dev.accounts.domain.user.User;
import reactor.core.publisher.Mono;

/** Where users are kept. Emails are unique by {@link EmailAddress#key()}, whatever their letter case. */
public interface UserRepository {

    Mono<Boolean> existsByEmail(EmailAddress email);

    /** Completes with EMAIL_TAKEN, not an error, when the unique key on the normalised email fires. */
    Mono<InsertOutcome> insert(User user);

    enum InsertOutcome { INSERTED, EMAIL_TAKEN }
}
