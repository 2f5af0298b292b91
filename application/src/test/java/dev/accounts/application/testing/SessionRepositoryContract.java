package dev.accounts.application.testing;

import dev.accounts.application.port.out.SessionRepository;
import dev.accounts.domain.session.Refresh;
import dev.accounts.domain.session.RefreshPolicy;
import dev.accounts.domain.session.Session;
import dev.accounts.domain.session.SessionId;
import dev.accounts.domain.token.SecretToken;
import dev.accounts.domain.token.TokenHash;
import dev.accounts.domain.user.UserId;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** What every {@link SessionRepository} must do; each adapter's test extends this. */
public abstract class SessionRepositoryContract {

    protected static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.MICROS);
    private static final RefreshPolicy POLICY = new RefreshPolicy(Duration.ofDays(14), Duration.ofSeconds(10));

    protected abstract SessionRepository repository();

    /** A user the sessions may belong to (the database requires one to exist). */
    protected abstract UserId existingUser();

    private Session started(TokenHash first) {
        Session session = Session.start(existingUser(), first, NOW, POLICY);
        repository().insert(session).block();
        return session;
    }

    private static Session rotated(Session session, TokenHash presented, TokenHash successor, Instant at) {
        return ((Refresh.Rotated) session.refresh(presented, successor, at, POLICY)).session();
    }

    @Test
    void findsASessionByEveryTokenItIssuedAndByItsId() {
        TokenHash first = SecretToken.random().hash();
        TokenHash second = SecretToken.random().hash();
        Session session = started(first);

        assertThat(repository().update(rotated(session, first, second, NOW.plusSeconds(1))).block()).isTrue();

        Session stored = repository().findByToken(first).block();
        assertThat(stored.current()).isEqualTo(second);
        assertThat(stored.recentlyReplaced()).containsExactly(new Session.Replaced(first, NOW.plusSeconds(1)));
        assertThat(repository().findByToken(second).block().id()).isEqualTo(session.id());
        assertThat(repository().findById(session.id()).block()).isEqualTo(stored);
        assertThat(repository().findByToken(SecretToken.random().hash()).block()).isNull();
        assertThat(repository().findById(SessionId.random()).block()).isNull();
    }

    @Test
    void storesAStateOnlyOverTheVersionItWasDecidedOn() {
        TokenHash first = SecretToken.random().hash();
        Session session = started(first);
        Session one = rotated(session, first, SecretToken.random().hash(), NOW.plusSeconds(1));
        Session other = rotated(session, first, SecretToken.random().hash(), NOW.plusSeconds(1));

        assertThat(repository().update(one).block()).isTrue();
        assertThat(repository().update(other).block()).isFalse();
        assertThat(repository().findById(session.id()).block().current()).isEqualTo(one.current());
    }

    @Test
    void letsExactlyOneOfManyConcurrentUpdatesWin() {
        TokenHash first = SecretToken.random().hash();
        Session session = started(first);

        List<Boolean> outcomes = Flux.range(0, 8)
                .flatMap(i -> repository().update(rotated(session, first, SecretToken.random().hash(), NOW.plusSeconds(1)))
                        .subscribeOn(Schedulers.parallel()))
                .collectList().block();

        assertThat(outcomes).containsOnlyOnce(true).hasSize(8);
    }

    @Test
    void keepsARevocation() {
        Session session = started(SecretToken.random().hash());

        repository().update(session.revoke(NOW.plusSeconds(5))).block();

        assertThat(repository().findById(session.id()).block().revokedAt()).contains(NOW.plusSeconds(5));
    }

    @Test
    void findsTheUsersActiveSessionsAndDeletesAllOfThem() {
        Session live = started(SecretToken.random().hash());
        Session revoked = started(SecretToken.random().hash());
        repository().update(revoked.revoke(NOW)).block();

        assertThat(repository().findActiveOf(existingUser(), NOW.plusSeconds(1)).map(Session::id).collectList().block())
                .contains(live.id()).doesNotContain(revoked.id());
        assertThat(repository().findActiveOf(UserId.random(), NOW).collectList().block()).isEmpty();

        repository().deleteAllOf(existingUser()).block();

        assertThat(repository().findById(live.id()).block()).isNull();
        assertThat(repository().findByToken(live.current()).block()).isNull();
        assertThat(repository().findById(revoked.id()).block()).isNull();
    }

    @Test
    void purgesEndedSessionsOnly() {
        TokenHash current = SecretToken.random().hash();
        TokenHash revokedToken = SecretToken.random().hash();
        Session live = started(current);
        Session revoked = started(revokedToken);
        repository().update(revoked.revoke(NOW)).block();

        long purged = repository().purge(NOW.plusSeconds(1)).block();

        assertThat(purged).isGreaterThanOrEqualTo(1);
        assertThat(repository().findByToken(revokedToken).block()).isNull();
        assertThat(repository().findById(live.id()).block()).isNotNull();
        repository().purge(live.expiresAt().plusSeconds(1)).block();
        assertThat(repository().findByToken(current).block()).isNull();
    }
}
