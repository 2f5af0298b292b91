package dev.accounts.application.service;

import dev.accounts.application.port.in.RefreshSessionUseCase;
import dev.accounts.application.port.out.RefreshTokenSuccessors;
import dev.accounts.application.port.out.SessionRepository;
import dev.accounts.application.port.out.SignInAudit;
import dev.accounts.domain.session.Refresh;
import dev.accounts.domain.session.RefreshPolicy;
import dev.accounts.domain.session.Session;
import dev.accounts.domain.session.SessionId;
import dev.accounts.domain.token.SecretToken;
import reactor.core.publisher.Mono;

import java.time.Clock;

import static dev.accounts.application.port.in.RefreshSessionUseCase.RefreshResult.Refreshed;
import static dev.accounts.application.port.in.RefreshSessionUseCase.RefreshResult.Refused;

/** Finds the token's session, lets it decide, stores what it decided, and answers. */
public final class RefreshSessionService implements RefreshSessionUseCase {

    private final SessionRepository sessions;
    private final RefreshTokenSuccessors successors;
    private final SessionIssuer issuer;
    private final RefreshPolicy policy;
    private final SignInAudit audit;
    private final Clock clock;

    public RefreshSessionService(SessionRepository sessions, RefreshTokenSuccessors successors, SessionIssuer issuer, RefreshPolicy policy,
                                 SignInAudit audit, Clock clock) {
        this.sessions = sessions;
        this.successors = successors;
        this.issuer = issuer;
        this.policy = policy;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    public Mono<RefreshResult> refresh(String refreshToken, SessionId expectedSession) {
        if (refreshToken == null || refreshToken.isBlank()) {
            return Mono.just(new Refused(Reason.UNKNOWN));
        }
        SecretToken presented = SecretToken.presented(refreshToken);
        return sessions.findByToken(presented.hash())
                .flatMap(session -> refresh(session, presented, expectedSession))
                .defaultIfEmpty(new Refused(Reason.UNKNOWN));
    }

    private Mono<RefreshResult> refresh(Session session, SecretToken presented, SessionId expectedSession) {
        if (!session.id().equals(expectedSession)) {
            return Mono.just(new Refused(Reason.SESSION_MISMATCH));
        }
        SecretToken successor = successors.successorOf(presented);
        return switch (session.refresh(presented.hash(), successor.hash(), clock.instant(), policy)) {
            case Refresh.Rotated rotated -> stored(rotated.session(), presented, expectedSession,
                    Mono.fromSupplier(() -> new Refreshed(issuer.tokens(rotated.session(), successor), false)));
            case Refresh.Replayed replayed -> Mono.just(new Refreshed(issuer.tokens(replayed.session(), successor), true));
            case Refresh.ReuseDetected reuse -> stored(reuse.session(), presented, expectedSession, Mono.fromSupplier(() -> {
                audit.refreshTokenReused(reuse.session().user(), reuse.session().id());
                return new Refused(Reason.REUSED);
            }));
            case Refresh.Refused refused -> Mono.just(new Refused(switch (refused.reason()) {
                case REVOKED -> Reason.REVOKED;
                case EXPIRED -> Reason.EXPIRED;
            }));
        };
    }

    /** Answers once the decided state is stored; if another change came first, decides again on that one. */
    private Mono<RefreshResult> stored(Session state, SecretToken presented, SessionId expectedSession, Mono<RefreshResult> answer) {
        return sessions.update(state).flatMap(won -> won
                ? answer
                : sessions.findById(state.id()).flatMap(current -> refresh(current, presented, expectedSession)));
    }
}
