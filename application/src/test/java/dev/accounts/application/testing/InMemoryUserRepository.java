package dev.accounts.application.testing;

import dev.accounts.application.port.out.UserRepository;
import dev.accounts.domain.user.EmailAddress;
import dev.accounts.domain.user.User;
import reactor.core.publisher.Mono;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Keeps users in a map keyed like the database's unique index: by the normalised email. */
public final class InMemoryUserRepository implements UserRepository {

    private final Map<String, User> usersByEmailKey = new ConcurrentHashMap<>();

    @Override
    public Mono<Boolean> existsByEmail(EmailAddress email) {
        return Mono.fromSupplier(() -> usersByEmailKey.containsKey(email.key()));
    }

    @Override
    public Mono<InsertOutcome> insert(User user) {
        return Mono.fromSupplier(() -> usersByEmailKey.putIfAbsent(user.email().key(), user) == null
                ? InsertOutcome.INSERTED
                : InsertOutcome.EMAIL_TAKEN);
    }

    public Optional<User> findByEmail(String email) {
        return Optional.ofNullable(usersByEmailKey.get(new EmailAddress(email).key()));
    }

    public int count() {
        return usersByEmailKey.size();
    }
}
