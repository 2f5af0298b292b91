package dev.accounts.bootstrap.throughput;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.accounts.application.port.out.UserRepository;
import dev.accounts.domain.user.EmailAddress;
import dev.accounts.domain.user.User;
import dev.accounts.domain.user.UserId;
import reactor.core.publisher.Mono;

import java.time.Duration;

/**
 * Spares the queries that repeat. Emails known to be registered are remembered for {@code knownEmailMemory},
 * so repeated sign-ups for one address cost no query; an account deleted through another instance is
 * therefore still "taken" here for at most that long. Users looked up by id, as every signed-in request
 * does, are remembered for {@code userMemory} (see {@link RecentReads}).
 */
public final class RememberingUserRepository implements UserRepository {

    private final UserRepository users;
    // Upkeep runs on the caller: handing it to the common pool would wake a thread on every sign-up.
    private final Cache<String, Boolean> knownEmails;
    private final RecentReads<UserId, User> recentUsers;

    public RememberingUserRepository(UserRepository users, long emailsToRemember, Duration knownEmailMemory, Duration userMemory) {
        this.users = users;
        this.knownEmails = Caffeine.newBuilder().executor(Runnable::run).maximumSize(emailsToRemember)
                .expireAfterWrite(knownEmailMemory).build();
        this.recentUsers = new RecentReads<>(10_000, userMemory);
    }

    @Override
    public Mono<Boolean> existsByEmail(EmailAddress email) {
        return Mono.defer(() -> knownEmails.getIfPresent(email.key()) != null
                ? Mono.just(true)
                : users.existsByEmail(email).doOnNext(exists -> {
                    if (exists) {
                        knownEmails.put(email.key(), Boolean.TRUE);
                    }
                }));
    }

    /** Inserted or found taken, the address is registered from now on. */
    @Override
    public Mono<InsertOutcome> insert(User user) {
        return users.insert(user).doOnNext(outcome -> knownEmails.put(user.email().key(), Boolean.TRUE));
    }

    @Override
    public Mono<User> findByEmail(EmailAddress email) {
        return users.findByEmail(email);
    }

    @Override
    public Mono<User> findById(UserId id) {
        return recentUsers.read(id, () -> users.findById(id));
    }

    @Override
    public Mono<Boolean> update(User user) {
        return Mono.defer(() -> {
            recentUsers.changed(user.id());
            return users.update(user).doFinally(signal -> recentUsers.changed(user.id()));
        });
    }

    /** Forgotten here at once; another instance forgets the address when its {@code knownEmailMemory} runs out. */
    @Override
    public Mono<Void> delete(User user) {
        return Mono.defer(() -> {
            recentUsers.changed(user.id());
            return users.delete(user).doFinally(signal -> {
                recentUsers.changed(user.id());
                knownEmails.invalidate(user.email().key());
            });
        });
    }
}
