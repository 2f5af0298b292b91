package dev.accounts.application.service;

import dev.accounts.application.port.in.RefreshSessionUseCase.Reason;
import dev.accounts.application.port.in.RefreshSessionUseCase.RefreshResult;
import dev.accounts.application.port.in.RefreshSessionUseCase.RefreshResult.Refreshed;
import dev.accounts.application.port.in.RefreshSessionUseCase.RefreshResult.Refused;
import dev.accounts.application.port.in.SessionTokens;
import dev.accounts.application.port.in.SignOutUseCase.AccessTokenSignOut;
import dev.accounts.application.testing.FakeAccessTokens;
import dev.accounts.application.testing.FakeRefreshTokenSuccessors;
import dev.accounts.application.testing.InMemoryRefreshTokenRepository;
import dev.accounts.application.testing.InMemorySignInThrottle;
import dev.accounts.application.testing.InMemoryUserRepository;
import dev.accounts.application.testing.MutableClock;
import dev.accounts.domain.session.RefreshPolicy;
import dev.accounts.domain.session.SessionId;
import dev.accounts.domain.testing.Emails;
import dev.accounts.domain.user.PasswordHash;
import dev.accounts.domain.user.PersonName;
import dev.accounts.domain.user.User;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class SessionServiceTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-26T10:00:00Z"));
    private final InMemoryUserRepository users = new InMemoryUserRepository();
    private final InMemoryRefreshTokenRepository refreshTokens = new InMemoryRefreshTokenRepository();
    private final SessionService sessions = new SessionService(users, refreshTokens, new FakeAccessTokens(clock), new FakeRefreshTokenSuccessors(),
            new InMemorySignInThrottle(), new RefreshPolicy(Duration.ofDays(14), Duration.ofSeconds(10)), clock);
    private User ada;

    @BeforeEach
    void registerAda() {
        ada = User.register(Emails.email("ada@example.com"), PersonName.NONE, new PasswordHash("{fake}x"), clock);
        users.insert(ada).block();
    }

    private RefreshResult refresh(SessionTokens tokens) {
        return sessions.refresh(tokens.refresh().value(), tokens.session()).block();
    }

    private SessionTokens refreshed(SessionTokens tokens) {
        return ((Refreshed) refresh(tokens)).tokens();
    }

    @Test
    void rotatesTheRefreshTokenAndRefusesTheOldOneAfterTheGraceInterval() {
        SessionTokens first = sessions.start(ada).block();

        SessionTokens second = refreshed(first);
        clock.advance(Duration.ofSeconds(11));

        assertThat(second.refresh().value()).isNotEqualTo(first.refresh().value());
        assertThat(second.session()).isEqualTo(first.session());
        assertThat(refresh(first)).isEqualTo(new Refused(Reason.REUSED));
    }

    @Test
    void revokesTheWholeSessionOnReuseButNotTheUsersOtherSessions() {
        SessionTokens laptop = sessions.start(ada).block();
        SessionTokens phone = sessions.start(ada).block();
        SessionTokens laptopRotated = refreshed(laptop);
        clock.advance(Duration.ofSeconds(30));

        assertThat(refresh(laptop)).isEqualTo(new Refused(Reason.REUSED));

        assertThat(refresh(laptopRotated)).isEqualTo(new Refused(Reason.REVOKED));
        assertThat(sessions.currentUser(laptopRotated.access().value()).block()).isNull();
        assertThat(refresh(phone)).isInstanceOf(Refreshed.class);
    }

    @Test
    void forgivesAReplayWithinTheGraceInterval() {
        SessionTokens first = sessions.start(ada).block();
        SessionTokens second = refreshed(first);
        clock.advance(Duration.ofSeconds(5));

        RefreshResult replay = refresh(first);

        assertThat(replay).isInstanceOf(Refreshed.class);
        assertThat(refresh(second)).isInstanceOf(Refreshed.class);
    }

    @Test
    void givesEveryConcurrentRefreshWithinGraceAValidPair() {
        SessionTokens first = sessions.start(ada).block();

        List<RefreshResult> results = Flux.range(0, 8)
                .flatMap(i -> sessions.refresh(first.refresh().value(), first.session()).subscribeOn(Schedulers.parallel()))
                .collectList().block();

        assertThat(results).allSatisfy(result -> assertThat(result).isInstanceOf(Refreshed.class));
        assertThat(sessions.currentUser(first.access().value()).block()).isNotNull();
    }

    @Test
    void convergesConcurrentRefreshesWithinGraceOnOneSuccessor() {
        SessionTokens first = sessions.start(ada).block();

        List<RefreshResult> results = Flux.range(0, 20)
                .flatMap(i -> sessions.refresh(first.refresh().value(), first.session()).subscribeOn(Schedulers.parallel()))
                .collectList().block();

        assertThat(results).extracting(result -> ((Refreshed) result).tokens().refresh().value()).containsOnly(
                ((Refreshed) results.getFirst()).tokens().refresh().value());
        assertThat(refreshTokens.liveTokens(first.session())).isEqualTo(1);
    }

    @Test
    void givesAReplayOfAnOlderTokenWithinGraceTheNextInTheOneChain() {
        SessionTokens first = sessions.start(ada).block();
        SessionTokens second = refreshed(first);
        SessionTokens third = refreshed(second);

        SessionTokens replayed = refreshed(first);

        assertThat(replayed.refresh().value()).isEqualTo(second.refresh().value());
        assertThat(refreshed(replayed).refresh().value()).isEqualTo(third.refresh().value());
        assertThat(refreshTokens.liveTokens(first.session())).isEqualTo(1);
    }

    @Test
    void neverExtendsASessionPastItsLifetime() {
        SessionTokens tokens = sessions.start(ada).block();
        for (int day = 0; day < 13; day++) {
            clock.advance(Duration.ofDays(1));
            tokens = refreshed(tokens);
        }

        clock.advance(Duration.ofDays(1));

        assertThat(refresh(tokens)).isEqualTo(new Refused(Reason.EXPIRED));
    }

    @Test
    void refusesATokenPresentedWithAnotherSessionsCsrfToken() {
        SessionTokens tokens = sessions.start(ada).block();

        assertThat(sessions.refresh(tokens.refresh().value(), SessionId.random()).block()).isEqualTo(new Refused(Reason.SESSION_MISMATCH));
        assertThat(sessions.refresh("made-up", tokens.session()).block()).isEqualTo(new Refused(Reason.UNKNOWN));
        assertThat(sessions.refresh(null, tokens.session()).block()).isEqualTo(new Refused(Reason.UNKNOWN));
    }

    @Test
    void signOutEndsTheSessionAndItsAccessTokenHere() {
        SessionTokens tokens = sessions.start(ada).block();
        assertThat(sessions.currentUser(tokens.access().value()).block().id()).isEqualTo(ada.id());

        assertThat(sessions.signOut(tokens.refresh().value(), tokens.session()).block()).isTrue();

        assertThat(sessions.currentUser(tokens.access().value()).block()).isNull();
        assertThat(refresh(tokens)).isEqualTo(new Refused(Reason.REVOKED));
        assertThat(sessions.signOut(tokens.refresh().value(), tokens.session()).block()).isTrue();
        assertThat(sessions.signOut(null, null).block()).isTrue();
    }

    @Test
    void signsOutTheSessionOfABearerToken() {
        SessionTokens tokens = sessions.start(ada).block();

        assertThat(sessions.signOutAccessToken(tokens.access().value(), Optional.empty()).block()).isEqualTo(AccessTokenSignOut.SIGNED_OUT);

        assertThat(sessions.currentUser(tokens.access().value()).block()).isNull();
        assertThat(refresh(tokens)).isEqualTo(new Refused(Reason.REVOKED));
        assertThat(sessions.signOutAccessToken(tokens.access().value(), Optional.empty()).block()).isEqualTo(AccessTokenSignOut.NOT_SIGNED_IN);
        assertThat(sessions.signOutAccessToken("not-a-token", Optional.empty()).block()).isEqualTo(AccessTokenSignOut.NOT_SIGNED_IN);
        assertThat(sessions.signOutAccessToken(null, Optional.empty()).block()).isEqualTo(AccessTokenSignOut.NOT_SIGNED_IN);
    }

    @Test
    void signsOutTheSessionOfAnAccessCookieOnlyWithThatSessionsCsrfToken() {
        SessionTokens tokens = sessions.start(ada).block();

        assertThat(sessions.signOutAccessToken(tokens.access().value(), Optional.of(SessionId.random())).block())
                .isEqualTo(AccessTokenSignOut.SESSION_MISMATCH);
        assertThat(sessions.currentUser(tokens.access().value()).block()).isNotNull();
        assertThat(sessions.signOutAccessToken(tokens.access().value(), Optional.of(tokens.session())).block())
                .isEqualTo(AccessTokenSignOut.SIGNED_OUT);
    }

    @Test
    void refusesAnAccessTokenWhoseSessionBelongsToAnotherUser() {
        User grace = User.register(Emails.email("grace@example.com"), PersonName.NONE, new PasswordHash("{fake}y"), clock);
        users.insert(grace).block();
        SessionTokens adasSession = sessions.start(ada).block();
        String forged = new FakeAccessTokens(clock).issue(grace.id(), adasSession.session()).value();

        assertThat(sessions.currentUser(forged).block()).isNull();
        assertThat(sessions.currentUser(adasSession.access().value()).block().id()).isEqualTo(ada.id());
    }

    @Test
    void refusesToSignOutWithAnotherSessionsCsrfToken() {
        SessionTokens tokens = sessions.start(ada).block();

        assertThat(sessions.signOut(tokens.refresh().value(), SessionId.random()).block()).isFalse();

        assertThat(refresh(tokens)).isInstanceOf(Refreshed.class);
    }

    @Test
    void refusesAnExpiredAccessToken() {
        SessionTokens tokens = sessions.start(ada).block();

        clock.advance(FakeAccessTokens.LIFETIME);

        assertThat(sessions.currentUser(tokens.access().value()).block()).isNull();
    }

    @Test
    void purgesEndedSessions() {
        SessionTokens tokens = sessions.start(ada).block();
        sessions.signOut(tokens.refresh().value(), tokens.session()).block();
        clock.advance(Duration.ofSeconds(1));

        assertThat(sessions.purge().block()).isEqualTo(1);
    }
}
