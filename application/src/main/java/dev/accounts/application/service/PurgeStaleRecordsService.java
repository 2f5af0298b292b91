package dev.accounts.application.service;

import dev.accounts.application.port.in.PurgeStaleRecordsUseCase;
import dev.accounts.application.port.out.Outbox;
import dev.accounts.application.port.out.SessionRepository;
import dev.accounts.application.port.out.SignInThrottle;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/** Deletes ended sessions, sign-in failures and settled messages old enough to be forgotten. */
public final class PurgeStaleRecordsService implements PurgeStaleRecordsUseCase {

    /** Failures older than this are forgotten, which resets their escalation. */
    static final Duration FAILURE_MEMORY = Duration.ofDays(1);

    /** Settled messages are kept this long, long enough to answer "did my mail go out?". */
    static final Duration SETTLED_MESSAGE_MEMORY = Duration.ofDays(7);

    private final SessionRepository sessions;
    private final SignInThrottle throttle;
    private final Outbox outbox;
    private final Clock clock;

    public PurgeStaleRecordsService(SessionRepository sessions, SignInThrottle throttle, Outbox outbox, Clock clock) {
        this.sessions = sessions;
        this.throttle = throttle;
        this.outbox = outbox;
        this.clock = clock;
    }

    @Override
    public Mono<Long> purge() {
        return Mono.defer(() -> {
            Instant now = clock.instant();
            return Mono.zip(sessions.purge(now), throttle.forgetFailuresBefore(now.minus(FAILURE_MEMORY)),
                    outbox.forgetSettledBefore(now.minus(SETTLED_MESSAGE_MEMORY)))
                    .map(counts -> counts.getT1() + counts.getT2() + counts.getT3());
        });
    }
}
