package dev.accounts.application.port.out;

import dev.accounts.domain.messages.AccountMessage;
import dev.accounts.domain.user.EmailAddress;
import dev.accounts.domain.user.UserId;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Messages waiting to be sent, stored with the change that caused them (in its transaction) and settled
 * one by one by whoever delivers them: every instance may deliver, none sends what another has claimed.
 */
public interface Outbox {

    /** Stores the message for delivery as soon as possible. */
    Mono<Void> enqueue(AccountMessage message, Instant now);

    /**
     * How many messages of this kind were enqueued for this address since {@code since}, whichever account
     * they were for (one deleted since included), for the per-inbox cap.
     */
    Mono<Long> countSent(EmailAddress to, AccountMessage.Kind kind, Instant since);

    /**
     * Claims up to {@code max} messages that are due and not claimed by anyone, each for {@code lease}:
     * a deliverer that dies mid-way leaves its claims to expire and be taken again.
     */
    Flux<Pending> claimDue(int max, Instant now, Duration lease);

    Mono<Void> delivered(UUID id, Instant at);

    /** Releases the claim and makes the message due again at {@code at}, counting the attempt. */
    Mono<Void> retryAt(UUID id, int attempts, Instant at);

    /** Gives up on the message: it stays on record, undelivered, until it is forgotten. */
    Mono<Void> abandoned(UUID id, Instant at);

    /**
     * Forgets the user's messages: those not yet delivered go; the delivered ones keep only what the per-inbox
     * cap counts (their kind, time and a digest of the address) until they are purged with the other settled ones.
     */
    Mono<Void> forget(UserId user);

    /** Forgets messages delivered or abandoned before {@code before}; the number forgotten. */
    Mono<Long> forgetSettledBefore(Instant before);

    /** The messages neither delivered nor given up on yet, claimed ones included: how far delivery is behind. */
    Mono<Backlog> backlog();

    /** @param oldestCreatedAt when the oldest waiting message was enqueued; empty when none waits */
    record Backlog(long messages, Optional<Instant> oldestCreatedAt) {

        public Backlog {
            Objects.requireNonNull(oldestCreatedAt, "oldestCreatedAt");
        }
    }

    /**
     * A claimed message.
     *
     * @param id       its identity, which the mail carries so that a receiver can tell a repeated delivery
     * @param attempts how many attempts failed before this one
     */
    record Pending(UUID id, AccountMessage message, int attempts, Instant createdAt) {

        public Pending {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(message, "message");
            Objects.requireNonNull(createdAt, "createdAt");
        }
    }
}
