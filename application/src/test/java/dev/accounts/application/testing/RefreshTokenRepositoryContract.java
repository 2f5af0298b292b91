package dev.accounts.application.testing;

import dev.accounts.application.port.out.RefreshTokenRepository;
import dev.accounts.domain.session.RefreshToken;
import dev.accounts.domain.session.SessionId;
import dev.accounts.domain.session.StoredRefreshToken;
import dev.accounts.domain.user.UserId;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** What every {@link RefreshTokenRepository} must do; each adapter's test extends this. */
public abstract class RefreshTokenRepositoryContract {

    protected static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.MICROS);

    protected abstract RefreshTokenRepository repository();

    /** A user the tokens may belong to (the database requires one to exist). */
    protected abstract UserId existingUser();

    private StoredRefreshToken token(SessionId session) {
        return StoredRefreshToken.issue(RefreshToken.random(), existingUser(), session, NOW, NOW.plus(Duration.ofDays(14)));
    }

    @Test
    void findsATokenByItsHash() {
        StoredRefreshToken token = token(SessionId.random());

        repository().insert(token).block();

        assertThat(repository().findByHash(token.tokenHash()).block()).isEqualTo(token);
        assertThat(repository().findByHash(RefreshToken.random().hash()).block()).isNull();
    }

    @Test
    void rotatesATokenOnlyOnce() {
        SessionId session = SessionId.random();
        StoredRefreshToken used = token(session);
        repository().insert(used).block();
        StoredRefreshToken first = token(session);
        StoredRefreshToken second = token(session);

        assertThat(repository().rotate(used, first, NOW.plusSeconds(1)).block()).isTrue();
        assertThat(repository().rotate(used, second, NOW.plusSeconds(2)).block()).isFalse();

        StoredRefreshToken rotated = repository().findByHash(used.tokenHash()).block();
        assertThat(rotated.replacedBy()).isEqualTo(first.id());
        assertThat(rotated.replacedAt()).isEqualTo(NOW.plusSeconds(1));
        assertThat(repository().findByHash(first.tokenHash()).block()).isEqualTo(first);
        assertThat(repository().findByHash(second.tokenHash()).block()).isNull();
    }

    @Test
    void letsExactlyOneOfManyConcurrentRotationsWin() {
        SessionId session = SessionId.random();
        StoredRefreshToken used = token(session);
        repository().insert(used).block();

        List<Boolean> outcomes = Flux.range(0, 8)
                .flatMap(i -> repository().rotate(used, token(session), NOW.plusSeconds(1)).subscribeOn(Schedulers.parallel()))
                .collectList().block();

        assertThat(outcomes).containsOnlyOnce(true).hasSize(8);
    }

    @Test
    void revokesEveryTokenOfASessionAndNoOther() {
        SessionId session = SessionId.random();
        StoredRefreshToken a = token(session);
        StoredRefreshToken b = token(session);
        StoredRefreshToken other = token(SessionId.random());
        repository().insert(a).then(repository().insert(b)).then(repository().insert(other)).block();

        repository().revokeSession(session, NOW.plusSeconds(5)).block();

        assertThat(repository().findByHash(a.tokenHash()).block().revokedAt()).isEqualTo(NOW.plusSeconds(5));
        assertThat(repository().findByHash(b.tokenHash()).block().revokedAt()).isEqualTo(NOW.plusSeconds(5));
        assertThat(repository().findByHash(other.tokenHash()).block().revokedAt()).isNull();
        assertThat(repository().isSessionActive(session, a.userId(), NOW.plusSeconds(6)).block()).isFalse();
        assertThat(repository().isSessionActive(other.session(), other.userId(), NOW.plusSeconds(6)).block()).isTrue();
        assertThat(repository().rotate(a, token(session), NOW.plusSeconds(7)).block()).isFalse();
    }

    @Test
    void endsASessionAtItsExpiry() {
        StoredRefreshToken token = token(SessionId.random());
        repository().insert(token).block();

        assertThat(repository().isSessionActive(token.session(), token.userId(), token.expiresAt().minusSeconds(1)).block()).isTrue();
        assertThat(repository().isSessionActive(token.session(), token.userId(), token.expiresAt()).block()).isFalse();
        assertThat(repository().isSessionActive(SessionId.random(), token.userId(), NOW).block()).isFalse();
    }

    @Test
    void neverCallsASessionActiveForAnotherUser() {
        StoredRefreshToken token = token(SessionId.random());
        repository().insert(token).block();

        assertThat(repository().isSessionActive(token.session(), token.userId(), NOW).block()).isTrue();
        assertThat(repository().isSessionActive(token.session(), UserId.random(), NOW).block()).isFalse();
    }

    @Test
    void purgesExpiredAndRevokedTokensOnly() {
        StoredRefreshToken current = token(SessionId.random());
        StoredRefreshToken revoked = token(SessionId.random());
        repository().insert(current).then(repository().insert(revoked)).block();
        repository().revokeSession(revoked.session(), NOW).block();

        long purged = repository().purge(NOW.plusSeconds(1)).block();

        assertThat(purged).isGreaterThanOrEqualTo(1);
        assertThat(repository().findByHash(revoked.tokenHash()).block()).isNull();
        assertThat(repository().findByHash(current.tokenHash()).block()).isNotNull();
        repository().purge(current.expiresAt().plusSeconds(1)).block();
        assertThat(repository().findByHash(current.tokenHash()).block()).isNull();
    }
}
