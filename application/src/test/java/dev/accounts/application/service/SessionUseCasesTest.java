package dev.accounts.application.service;

import dev.accounts.application.port.in.RefreshSessionUseCase.Reason;
import dev.accounts.application.port.in.RefreshSessionUseCase.RefreshResult.Refreshed;
import dev.accounts.application.port.in.RefreshSessionUseCase.RefreshResult.Refused;
import dev.accounts.application.port.in.RefreshSessionUseCase.RefreshResult;
import dev.accounts.application.port.in.SessionTokens;
import dev.accounts.application.port.in.SignOutUseCase.AccessTokenSignOut;
import dev.accounts.application.testing.FakeAccessTokens;
import dev.accounts.application.testing.FakeRefreshTokenSuccessors;
import dev.accounts.application.testing.InMemoryOutbox;
import dev.accounts.application.testing.InMemorySessionRepository;
import dev.accounts.application.testing.InMemorySignInThrottle;
import dev.accounts.application.testing.InMemoryUserRepository;
import dev.accounts.application.testing.MutableClock;
import dev.accounts.application.testing.RecordingSignInAudit;
import dev.accounts.domain.credentials.PasswordHash;
import dev.accounts.domain.session.RefreshPolicy;
import dev.accounts.domain.session.SessionId;
import dev.accounts.domain.testing.Emails;
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

/** Refresh, sign-out, the current user and the purge, over one store of sessions, as the service wires them. */
class SessionUseCasesTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-26T10:00:00Z"));
    private final InMemoryUserRepository users = new InMemoryUserRepository();
    private final InMemorySessionRepository store = new InMemorySessionRepository();
    private final FakeAccessTokens accessTokens = new FakeAccessTokens(clock);
    private final RefreshPolicy policy = new RefreshPolicy(Duration.ofDays(14), Duration.ofSeconds(10));
    private final SessionIssuer issuer = new SessionIssuer(store, accessTokens, policy, clock);
    private final RecordingSignInAudit audit = new RecordingSignInAudit();
    private final RefreshSessionService refreshing = new RefreshSessionService(store, new FakeRefreshTokenSuccessors(), issuer, policy, audit,
            clock);
    private final SignOutService signOut = new SignOutService(store, accessTokens, new SessionEndings(store, clock), clock);
    private final GetCurrentUserService currentUser = new GetCurrentUserService(accessTokens, store, users, clock);
    private final PurgeStaleRecordsService purging = new PurgeStaleRecordsService(store, new InMemorySignInThrottle(), new InMemoryOutbox(), clock);
    private User ada;

    @BeforeEach
    void registerAda() {
        ada = User.register(Emails.email("ada@example.com"), PersonName.NONE, new PasswordHash("{fake}x"), clock);
        users.insert(ada).block();
    }

    private RefreshResult refresh(SessionTokens tokens) {
        return refreshing.refresh(tokens.refresh().value(), tokens.session()).block();
    }

    private SessionTokens refreshed(SessionTokens tokens) {
        return ((Refreshed) refresh(tokens)).tokens();
    }

    @Test
    void rotatesTheRefreshTokenAndRefusesTheOldOneAfterTheGraceInterval() {
        SessionTokens first = issuer.start(ada.id()).block();

        SessionTokens second = refreshed(first);
        clock.advance(Duration.ofSeconds(11));

        assertThat(second.refresh().value()).isNotEqualTo(first.refresh().value());
        assertThat(second.session()).isEqualTo(first.session());
        assertThat(refresh(first)).isEqualTo(new Refused(Reason.REUSED));
    }

    @Test
    void revokesTheWholeSessionOnReuseButNotTheUsersOtherSessions() {
        SessionTokens laptop = issuer.start(ada.id()).block();
        SessionTokens phone = issuer.start(ada.id()).block();
        SessionTokens laptopRotated = refreshed(laptop);
        clock.advance(Duration.ofSeconds(30));

        assertThat(refresh(laptop)).isEqualTo(new Refused(Reason.REUSED));

        assertThat(audit.reusedSessions()).containsExactly(laptop.session());
        assertThat(refresh(laptopRotated)).isEqualTo(new Refused(Reason.REVOKED));
        assertThat(currentUser.currentUser(laptopRotated.access().value()).block()).isNull();
        assertThat(refresh(phone)).isInstanceOf(Refreshed.class);
    }

    @Test
    void forgivesAReplayWithinTheGraceInterval() {
        SessionTokens first = issuer.start(ada.id()).block();
        SessionTokens second = refreshed(first);
        clock.advance(Duration.ofSeconds(5));

        RefreshResult replay = refresh(first);

        assertThat(replay).isInstanceOfSatisfying(Refreshed.class, refreshed -> assertThat(refreshed.graceReplay()).isTrue());
        assertThat(refresh(second)).isInstanceOfSatisfying(Refreshed.class, refreshed -> assertThat(refreshed.graceReplay()).isFalse());
        assertThat(audit.reusedSessions()).isEmpty();
    }

    @Test
    void givesEveryConcurrentRefreshWithinGraceAValidPair() {
        SessionTokens first = issuer.start(ada.id()).block();

        List<RefreshResult> results = Flux.range(0, 8)
                .flatMap(i -> refreshing.refresh(first.refresh().value(), first.session()).subscribeOn(Schedulers.parallel()))
                .collectList().block();

        assertThat(results).allSatisfy(result -> assertThat(result).isInstanceOf(Refreshed.class));
        assertThat(currentUser.currentUser(first.access().value()).block()).isNotNull();
    }

    @Test
    void convergesConcurrentRefreshesWithinGraceOnOneSuccessor() {
        SessionTokens first = issuer.start(ada.id()).block();

        List<RefreshResult> results = Flux.range(0, 20)
                .flatMap(i -> refreshing.refresh(first.refresh().value(), first.session()).subscribeOn(Schedulers.parallel()))
                .collectList().block();

        assertThat(results).extracting(result -> ((Refreshed) result).tokens().refresh().value()).containsOnly(
                ((Refreshed) results.getFirst()).tokens().refresh().value());
        assertThat(store.liveTokens(first.session())).isEqualTo(1);
    }

    @Test
    void givesAReplayOfAnOlderTokenWithinGraceTheNextInTheOneChain() {
        SessionTokens first = issuer.start(ada.id()).block();
        SessionTokens second = refreshed(first);
        SessionTokens third = refreshed(second);

        SessionTokens replayed = refreshed(first);

        assertThat(replayed.refresh().value()).isEqualTo(second.refresh().value());
        assertThat(refreshed(replayed).refresh().value()).isEqualTo(third.refresh().value());
        assertThat(store.liveTokens(first.session())).isEqualTo(1);
    }

    @Test
    void neverExtendsASessionPastItsLifetime() {
        SessionTokens tokens = issuer.start(ada.id()).block();
        for (int day = 0; day < 13; day++) {
            clock.advance(Duration.ofDays(1));
            tokens = refreshed(tokens);
        }

        clock.advance(Duration.ofDays(1));

        assertThat(refresh(tokens)).isEqualTo(new Refused(Reason.EXPIRED));
    }

    @Test
    void refusesATokenPresentedWithAnotherSessionsCsrfToken() {
        SessionTokens tokens = issuer.start(ada.id()).block();

        assertThat(refreshing.refresh(tokens.refresh().value(), SessionId.random()).block()).isEqualTo(new Refused(Reason.SESSION_MISMATCH));
        assertThat(refreshing.refresh("made-up", tokens.session()).block()).isEqualTo(new Refused(Reason.UNKNOWN));
        assertThat(refreshing.refresh(null, tokens.session()).block()).isEqualTo(new Refused(Reason.UNKNOWN));
    }

    @Test
    void signOutEndsTheSessionAndItsAccessTokenHere() {
        SessionTokens tokens = issuer.start(ada.id()).block();
        assertThat(currentUser.currentUser(tokens.access().value()).block().id()).isEqualTo(ada.id());

        assertThat(signOut.signOut(tokens.refresh().value(), tokens.session()).block()).isTrue();

        assertThat(currentUser.currentUser(tokens.access().value()).block()).isNull();
        assertThat(refresh(tokens)).isEqualTo(new Refused(Reason.REVOKED));
        assertThat(signOut.signOut(tokens.refresh().value(), tokens.session()).block()).isTrue();
        assertThat(signOut.signOut(null, null).block()).isTrue();
    }

    @Test
    void signsOutTheSessionOfABearerToken() {
        SessionTokens tokens = issuer.start(ada.id()).block();

        assertThat(signOut.signOutAccessToken(tokens.access().value(), Optional.empty()).block()).isEqualTo(AccessTokenSignOut.SIGNED_OUT);

        assertThat(currentUser.currentUser(tokens.access().value()).block()).isNull();
        assertThat(refresh(tokens)).isEqualTo(new Refused(Reason.REVOKED));
        assertThat(signOut.signOutAccessToken(tokens.access().value(), Optional.empty()).block()).isEqualTo(AccessTokenSignOut.NOT_SIGNED_IN);
        assertThat(signOut.signOutAccessToken("not-a-token", Optional.empty()).block()).isEqualTo(AccessTokenSignOut.NOT_SIGNED_IN);
        assertThat(signOut.signOutAccessToken(null, Optional.empty()).block()).isEqualTo(AccessTokenSignOut.NOT_SIGNED_IN);
    }

    @Test
    void signsOutTheSessionOfAnAccessCookieOnlyWithThatSessionsCsrfToken() {
        SessionTokens tokens = issuer.start(ada.id()).block();

        assertThat(signOut.signOutAccessToken(tokens.access().value(), Optional.of(SessionId.random())).block())
                .isEqualTo(AccessTokenSignOut.SESSION_MISMATCH);
        assertThat(currentUser.currentUser(tokens.access().value()).block()).isNotNull();
        assertThat(signOut.signOutAccessToken(tokens.access().value(), Optional.of(tokens.session())).block())
                .isEqualTo(AccessTokenSignOut.SIGNED_OUT);
    }

    @Test
    void refusesAnAccessTokenWhoseSessionBelongsToAnotherUser() {
        User grace = User.register(Emails.email("grace@example.com"), PersonName.NONE, new PasswordHash("{fake}y"), clock);
        users.insert(grace).block();
        SessionTokens adasSession = issuer.start(ada.id()).block();
        String forged = new FakeAccessTokens(clock).issue(grace.id(), adasSession.session()).value();

        assertThat(currentUser.currentUser(forged).block()).isNull();
        assertThat(currentUser.currentUser(adasSession.access().value()).block().id()).isEqualTo(ada.id());
    }

    @Test
    void refusesToSignOutWithAnotherSessionsCsrfToken() {
        SessionTokens tokens = issuer.start(ada.id()).block();

        assertThat(signOut.signOut(tokens.refresh().value(), SessionId.random()).block()).isFalse();

        assertThat(refresh(tokens)).isInstanceOf(Refreshed.class);
    }

    @Test
    void refusesAnExpiredAccessToken() {
        SessionTokens tokens = issuer.start(ada.id()).block();

        clock.advance(FakeAccessTokens.LIFETIME);

        assertThat(currentUser.currentUser(tokens.access().value()).block()).isNull();
    }

    @Test
    void purgesEndedSessions() {
        SessionTokens tokens = issuer.start(ada.id()).block();
        signOut.signOut(tokens.refresh().value(), tokens.session()).block();
        clock.advance(Duration.ofSeconds(1));

        assertThat(purging.purge().block()).isEqualTo(1);
    }
}
