package dev.accounts.application.service;

import dev.accounts.application.port.in.DeliverMailUseCase;
import dev.accounts.application.port.out.MailTransport;
import dev.accounts.application.port.out.Outbox;
import dev.accounts.application.port.out.Outbox.Pending;
import dev.accounts.domain.messages.MessagePolicy;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.time.Duration;

/**
 * Sends what the outbox holds that is due, retrying with back-off while the mail server fails. Delivery is
 * at least once: a message is marked delivered after the server accepted it, so a crash between the two
 * sends it again, with the same Message-ID; a send that fails is retried until the policy gives up.
 */
public final class DeliverMailService implements DeliverMailUseCase {

    private final Outbox outbox;
    private final MailTransport transport;
    private final MessagePolicy policy;
    private final int batchSize;
    private final Duration lease;
    private final Clock clock;

    /** @param lease longer than a send can take (the transport's time-outs), so no claim runs out mid-send */
    public DeliverMailService(Outbox outbox, MailTransport transport, MessagePolicy policy, int batchSize, Duration lease, Clock clock) {
        this.outbox = outbox;
        this.transport = transport;
        this.policy = policy;
        this.batchSize = batchSize;
        this.lease = lease;
        this.clock = clock;
    }

    @Override
    public Mono<Integer> deliverDue() {
        return Mono.defer(() -> {
            Round round = new Round();
            return outbox.claimDue(batchSize, clock.instant(), lease)
                    .concatMap(pending -> round.serverFailed ? postpone(pending) : deliver(pending, round))
                    .count()
                    .map(Long::intValue);
        });
    }

    private Mono<Pending> deliver(Pending pending, Round round) {
        return transport.send(pending.id(), pending.message())
                .then(Mono.defer(() -> outbox.delivered(pending.id(), clock.instant())))
                .onErrorResume(failure -> Mono.defer(() -> {
                    round.serverFailed = true;
                    int attempts = pending.attempts() + 1;
                    return policy.nextAttempt(attempts, pending.createdAt(), clock.instant())
                            .map(at -> outbox.retryAt(pending.id(), attempts, at))
                            .orElseGet(() -> outbox.abandoned(pending.id(), clock.instant()));
                }))
                .thenReturn(pending);
    }

    /** Once the server failed this round, the rest wait for the next try without an attempt counted: each would only wait out the same time-out. */
    private Mono<Pending> postpone(Pending pending) {
        return Mono.defer(() -> outbox.retryAt(pending.id(), pending.attempts(), policy.nextAttempt(1, pending.createdAt(), clock.instant())
                        .orElse(clock.instant())))
                .thenReturn(pending);
    }

    /** One round's knowledge of the server, touched only by its sequential deliveries. */
    private static final class Round {
        private boolean serverFailed;
    }
}
