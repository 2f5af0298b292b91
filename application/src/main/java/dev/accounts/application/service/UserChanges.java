package dev.accounts.application.service;

import dev.accounts.application.port.out.UserRepository;
import dev.accounts.domain.user.User;
import dev.accounts.domain.user.UserId;
import reactor.core.publisher.Mono;

import java.util.function.UnaryOperator;

/**
 * Applies a change the user decides on and stores it over the version it was decided on; when another
 * change came first, decides again on the stored state. Completes with the stored user, or empty when
 * the user is gone.
 */
public final class UserChanges {

    /** Concurrent changes to one account are rare; a run of lost races this long means something else is wrong. */
    private static final int MAX_ATTEMPTS = 5;

    private final UserRepository users;

    public UserChanges(UserRepository users) {
        this.users = users;
    }

    UserRepository users() {
        return users;
    }

    Mono<User> apply(UserId id, UnaryOperator<User> change) {
        return attempt(id, change, 1);
    }

    private Mono<User> attempt(UserId id, UnaryOperator<User> change, int attempt) {
        return users.findById(id).flatMap(user -> {
            User changed = change.apply(user);
            if (changed.equals(user)) {
                return Mono.just(user);
            }
            return users.update(changed).flatMap(stored -> {
                if (stored) {
                    return Mono.just(changed);
                }
                if (attempt == MAX_ATTEMPTS) {
                    return Mono.error(new IllegalStateException("user " + id.value() + " kept changing under " + MAX_ATTEMPTS + " attempts"));
                }
                return attempt(id, change, attempt + 1);
            });
        });
    }
}
