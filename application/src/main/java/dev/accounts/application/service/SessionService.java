package dev.accounts.application.service;

import dev.accounts.application.port.in.GetCurrentUserUseCase;
import dev.accounts.application.port.in.PublishSigningKeysUseCase;
import dev.accounts.application.port.in.PurgeStaleRecordsUseCase;
import dev.accounts.application.port.in.RefreshSessionUseCase;
import dev.accounts.application.port.in.SessionTokens;
import dev.accounts.application.port.in.SignOutUseCase;
import dev.accounts.application.port.in.SignOutUseCase.AccessTokenSignOut;
import dev.accounts.application.port.in.UserProfile;
import dev.accounts.application.port.out.AccessTokens;
import dev.accounts.application.port.out.RefreshTokenRepository;
import dev.accounts.application.port.out.RefreshTokenSuccessors;
import dev.accounts.application.port.out.SignInThrottle;
import dev.accounts.application.port.out.UserRepository;
import dev.accounts.domain.session.RefreshPolicy;
import dev.accounts.domain.session.RefreshToken;
import dev.accounts.domain.session.SessionId;
import dev.accounts.domain.session.StoredRefreshToken;
import dev.accounts.domain.user.User;
import dev.accounts.domain.user.UserId;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import static dev.accounts.application.port.in.RefreshSessionUseCase.RefreshResult.Refreshed;
import static dev.accounts.application.port.in.RefreshSessionUseCase.RefreshResult.Refused;

/**
 * A session's life after sign-in: refresh-token rotation with reuse detection, sign-out, and the
 * current user behind an access token.
 */
public final class SessionService implements SignInService.SessionStarter, RefreshSessionUseCase, SignOutUseCase,
        GetCurrentUserUseCase, PublishSigningKeysUseCase, PurgeStaleRecordsUseCase {

    /** Failures older than this are forgotten by housekeeping, which resets their escalation. */
    static final Duration FAILURE_MEMORY = Duration.ofDays(1);

    private final UserRepository users;
    private final RefreshTokenRepository refreshTokens;
    private final AccessTokens accessTokens;
    private final RefreshTokenSuccessors successors;
    private final SignInThrottle throttle;
    private final RefreshPolicy policy;
    private final Clock clock;

    public SessionService(UserRepository users, RefreshTokenRepository refreshTokens, AccessTokens accessTokens,
                          RefreshTokenSuccessors successors, SignInThrottle throttle, RefreshPolicy policy, Clock clock) {
        this.users = users;
        this.refreshTokens = refreshTokens;
        this.accessTokens = accessTokens;
        this.successors = successors;
        this.throttle = throttle;
        this.policy = policy;
        this.clock = clock;
    }

    @Override
    public Mono<SessionTokens> start(User user) {
        return Mono.defer(() -> {
            Instant now = clock.instant();
            return issue(user.id(), SessionId.random(), now, policy.sessionExpiry(now));
        });
    }

    @Override
    public Mono<RefreshResult> refresh(String refreshToken, SessionId expectedSession) {
        if (refreshToken == null || refreshToken.isBlank()) {
            return Mono.just(new Refused(Reason.UNKNOWN));
        }
        RefreshToken presented = RefreshToken.presented(refreshToken);
        return refreshTokens.findByHash(presented.hash())
                .flatMap(stored -> refresh(presented, stored, expectedSession))
                .defaultIfEmpty(new Refused(Reason.UNKNOWN));
    }

    /**
     * The successor is derived from the presented token, so the rotation and every replay of the token
     * within the grace interval hand out the same one: concurrent refreshes converge on one live token.
     */
    private Mono<RefreshResult> refresh(RefreshToken presented, StoredRefreshToken stored, SessionId expectedSession) {
        if (!stored.session().equals(expectedSession)) {
            return Mono.just(new Refused(Reason.SESSION_MISMATCH));
        }
        Instant now = clock.instant();
        RefreshToken successor = successors.successorOf(presented);
        return switch (policy.decide(stored, now)) {
            case ROTATE -> {
                StoredRefreshToken replacement = StoredRefreshToken.issue(successor, stored.userId(), stored.session(), now, stored.expiresAt());
                yield refreshTokens.rotate(stored, replacement, now).flatMap(won -> won
                        ? Mono.just(new Refreshed(tokens(stored, successor)))
                        // A concurrent refresh rotated it first: decide again on what it is now.
                        : refreshTokens.findByHash(stored.tokenHash()).flatMap(current -> refresh(presented, current, expectedSession)));
            }
            case REPLAY_WITHIN_GRACE -> Mono.just(new Refreshed(tokens(stored, successor)));
            case REUSE -> refreshTokens.revokeSession(stored.session(), now).thenReturn(new Refused(Reason.REUSED));
            case REVOKED -> Mono.just(new Refused(Reason.REVOKED));
            case EXPIRED -> Mono.just(new Refused(Reason.EXPIRED));
        };
    }

    @Override
    public Mono<Boolean> signOut(String refreshToken, SessionId expectedSession) {
        if (refreshToken == null || refreshToken.isBlank()) {
            return Mono.just(true);
        }
        return refreshTokens.findByHash(RefreshToken.presented(refreshToken).hash())
                .flatMap(stored -> stored.session().equals(expectedSession)
                        ? refreshTokens.revokeSession(stored.session(), clock.instant()).thenReturn(true)
                        : Mono.just(false))
                .defaultIfEmpty(true);
    }

    @Override
    public Mono<AccessTokenSignOut> signOutAccessToken(String accessToken, Optional<SessionId> expectedSession) {
        if (accessToken == null || accessToken.isBlank()) {
            return Mono.just(AccessTokenSignOut.NOT_SIGNED_IN);
        }
        return accessTokens.verify(accessToken)
                .filterWhen(claims -> refreshTokens.isSessionActive(claims.session(), claims.user(), clock.instant()))
                .flatMap(claims -> expectedSession.isPresent() && !expectedSession.get().equals(claims.session())
                        ? Mono.just(AccessTokenSignOut.SESSION_MISMATCH)
                        : refreshTokens.revokeSession(claims.session(), clock.instant()).thenReturn(AccessTokenSignOut.SIGNED_OUT))
                .defaultIfEmpty(AccessTokenSignOut.NOT_SIGNED_IN);
    }

    @Override
    public Mono<UserProfile> currentUser(String accessToken) {
        if (accessToken == null || accessToken.isBlank()) {
            return Mono.empty();
        }
        // The signature alone would outlive a sign-out by the token's lifetime; this service checks the
        // session too, and that it is the session of the user the token names.
        return accessTokens.verify(accessToken)
                .filterWhen(claims -> refreshTokens.isSessionActive(claims.session(), claims.user(), clock.instant()))
                .flatMap(claims -> users.findById(claims.user()))
                .map(UserProfile::of);
    }

    @Override
    public Map<String, Object> publicKeySet() {
        return accessTokens.publicKeySet();
    }

    @Override
    public Mono<Long> purge() {
        return Mono.defer(() -> {
            Instant now = clock.instant();
            return refreshTokens.purge(now).zipWith(throttle.forgetFailuresBefore(now.minus(FAILURE_MEMORY)), Long::sum);
        });
    }

    private Mono<SessionTokens> issue(UserId user, SessionId session, Instant now, Instant sessionExpiresAt) {
        RefreshToken refresh = RefreshToken.random();
        return refreshTokens.insert(StoredRefreshToken.issue(refresh, user, session, now, sessionExpiresAt))
                .thenReturn(new SessionTokens(accessTokens.issue(user, session), refresh, session, sessionExpiresAt));
    }

    private SessionTokens tokens(StoredRefreshToken stored, RefreshToken next) {
        return new SessionTokens(accessTokens.issue(stored.userId(), stored.session()), next, stored.session(), stored.expiresAt());
    }
}
