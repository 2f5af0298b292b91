package dev.accounts.bootstrap.throughput;

import dev.accounts.application.port.out.SessionRepository;
import dev.accounts.application.port.out.UserRepository;
import dev.accounts.application.testing.InMemorySessionRepository;
import dev.accounts.application.testing.InMemoryUserRepository;
import dev.accounts.domain.credentials.PasswordHash;
import dev.accounts.domain.session.RefreshPolicy;
import dev.accounts.domain.session.Session;
import dev.accounts.domain.testing.Emails;
import dev.accounts.domain.token.SecretToken;
import dev.accounts.domain.user.PersonName;
import dev.accounts.domain.user.User;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** The memories in front of the stores answer what they know and forget what changes through them. */
class RememberingRepositoriesTest {

    private final Instant now = Instant.parse("2026-11-26T10:00:00Z");

    @Test
    void remembersRegisteredEmailsAndRecentUsersAndForgetsAUserThatChanges() {
        InMemoryUserRepository stored = new InMemoryUserRepository();
        UserRepository users = new RememberingUserRepository(stored, 100, Duration.ofMinutes(1), Duration.ofMinutes(1));
        User ada = User.register(Emails.email("ada@example.com"), PersonName.NONE, new PasswordHash("{fake}old"), Clock.systemUTC());
        users.insert(ada).block();

        assertThat(users.existsByEmail(Emails.email("ADA@example.com")).block()).isTrue();
        assertThat(users.findById(ada.id()).block()).isEqualTo(ada);
        stored.update(ada.rehashed(new PasswordHash("{fake}elsewhere"))).block();
        assertThat(users.findById(ada.id()).block().passwordHash()).as("remembered for a minute").isEqualTo(ada.passwordHash());

        assertThat(users.update(ada.rehashed(new PasswordHash("{fake}stale"))).block()).as("decided on a stale version").isFalse();
        assertThat(users.findById(ada.id()).block().passwordHash()).as("a lost change forgets too").isEqualTo(new PasswordHash("{fake}elsewhere"));
    }

    @Test
    void forgetsADeletedUserAndItsAddressAtOnce() {
        InMemoryUserRepository stored = new InMemoryUserRepository();
        UserRepository users = new RememberingUserRepository(stored, 100, Duration.ofMinutes(1), Duration.ofMinutes(1));
        User ada = User.register(Emails.email("ada@example.com"), PersonName.NONE, new PasswordHash("{fake}old"), Clock.systemUTC());
        users.insert(ada).block();
        users.findById(ada.id()).block();

        users.delete(ada).block();

        assertThat(users.existsByEmail(Emails.email("ada@example.com")).block()).isFalse();
        assertThat(users.findById(ada.id()).block()).isNull();
    }

    @Test
    void readsASessionAgainAfterAnyChangeThroughItWonOrLost() {
        AtomicInteger reads = new AtomicInteger();
        InMemorySessionRepository stored = new InMemorySessionRepository();
        SessionRepository sessions = new RememberingSessionRepository(new CountingReads(stored, reads), Duration.ofMinutes(1));
        Session session = Session.start(dev.accounts.domain.user.UserId.random(), SecretToken.random().hash(), now,
                new RefreshPolicy(Duration.ofDays(14), Duration.ofSeconds(10)));
        sessions.insert(session).block();

        sessions.findById(session.id()).block();
        sessions.findById(session.id()).block();
        assertThat(reads).hasValue(1);

        assertThat(sessions.update(session.revoke(now)).block()).isTrue();
        assertThat(sessions.findById(session.id()).block().revokedAt()).contains(now);
        assertThat(sessions.update(session.revoke(now)).block()).as("decided on a stale version").isFalse();
        sessions.findById(session.id()).block();
        assertThat(reads).hasValue(3);
    }

    /** Counts reads by id, which is what the memory should spare. */
    private record CountingReads(SessionRepository sessions, AtomicInteger reads) implements SessionRepository {

        @Override
        public reactor.core.publisher.Mono<Boolean> insert(Session session) {
            return sessions.insert(session);
        }

        @Override
        public reactor.core.publisher.Mono<Session> findByToken(dev.accounts.domain.token.TokenHash token) {
            return sessions.findByToken(token);
        }

        @Override
        public reactor.core.publisher.Mono<Session> findById(dev.accounts.domain.session.SessionId id) {
            reads.incrementAndGet();
            return sessions.findById(id);
        }

        @Override
        public reactor.core.publisher.Mono<Boolean> update(Session state) {
            return sessions.update(state);
        }

        @Override
        public reactor.core.publisher.Flux<Session> findActiveOf(dev.accounts.domain.user.UserId user, Instant now) {
            return sessions.findActiveOf(user, now);
        }

        @Override
        public reactor.core.publisher.Mono<Void> deleteAllOf(dev.accounts.domain.user.UserId user) {
            return sessions.deleteAllOf(user);
        }

        @Override
        public reactor.core.publisher.Mono<Long> purge(Instant before) {
            return sessions.purge(before);
        }
    }
}
