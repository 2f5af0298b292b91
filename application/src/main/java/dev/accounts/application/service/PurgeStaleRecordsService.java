package dev.accounts.application.service;

import dev.accounts.application.port.in.PurgeStaleRecordsUseCase;
import dev.accounts.application.port.out.SessionRepository;
import dev.accounts.application.port.out.SignInThrottle;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/** Deletes ended sessions and sign-in failures old enough to be forgotten. */
public final class PurgeStaleRecordsService implements PurgeStaleRecordsUseCase {

    /** Failures older than this are forgotten, which resets their escalation. */
    static final Duration FAILURE_MEMORY = Duration.ofDays(1);

    private final SessionRepository sessions;
    private final SignInThrottle throttle;
    private final Clock clock;

    public PurgeStaleRecordsService(SessionRepository sessions, SignInThrottle throttle, Clock clock) {
        this.sessions = sessions;
        this.throttle = throttle;
        this.clock = clock;
    }

    @Override
    public Mono<Long> purge() {
        return Mono.defer(() -> {
            Instant now = clock.instant();
            return sessions.purge(now).zipWith(throttle.forgetFailuresBefore(now.minus(FAILURE_MEMORY)), Long::sum);
        });
    }
}
