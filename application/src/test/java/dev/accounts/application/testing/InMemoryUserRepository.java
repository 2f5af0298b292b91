package dev.accounts.application.testing;

import dev.accounts.application.port.out.UserRepository;
import dev.accounts.domain.testing.Emails;
import dev.accounts.domain.user.EmailAddress;
import dev.accounts.domain.user.User;
import dev.accounts.domain.user.UserId;
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

    @Override
    public Mono<User> findByEmail(EmailAddress email) {
        return Mono.fromSupplier(() -> usersByEmailKey.get(email.key()));
    }

    @Override
    public Mono<User> findById(UserId id) {
        return Mono.fromSupplier(() -> usersByEmailKey.values().stream().filter(user -> user.id().equals(id)).findFirst().orElse(null));
    }

    @Override
    public Mono<Boolean> update(User user) {
        return Mono.fromSupplier(() -> {
            boolean[] stored = {false};
            usersByEmailKey.computeIfPresent(user.email().key(), (key, current) -> {
                stored[0] = current.id().equals(user.id()) && current.version() == user.version() - 1;
                return stored[0] ? user : current;
            });
            return stored[0];
        });
    }

    @Override
    public Mono<Void> delete(User user) {
        return Mono.fromRunnable(() -> usersByEmailKey.values().removeIf(stored -> stored.id().equals(user.id())));
    }

    public Optional<User> findByEmail(String email) {
        return Optional.ofNullable(usersByEmailKey.get(Emails.email(email).key()));
    }

    public int count() {
        return usersByEmailKey.size();
    }
}
