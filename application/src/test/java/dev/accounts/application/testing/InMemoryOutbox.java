package dev.accounts.application.testing;

import dev.accounts.application.port.out.Outbox;
import dev.accounts.domain.messages.AccountMessage;
import dev.accounts.domain.user.EmailAddress;
import dev.accounts.domain.user.UserId;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** The outbox's rows in a map, every change under one lock, as {@code FOR UPDATE SKIP LOCKED} serialises claims. */
public final class InMemoryOutbox implements Outbox {

    private final Map<UUID, Row> rows = new LinkedHashMap<>();

    @Override
    public Mono<Void> enqueue(AccountMessage message, Instant now) {
        return Mono.fromRunnable(() -> {
            synchronized (this) {
                UUID id = UUID.randomUUID();
                rows.put(id, new Row(id, message, now, now, Optional.empty(), 0, Optional.empty(), false));
            }
        });
    }

    @Override
    public Mono<Long> countSent(EmailAddress to, AccountMessage.Kind kind, Instant since) {
        return Mono.fromSupplier(() -> {
            synchronized (this) {
                return rows.values().stream().filter(row -> row.message.to().key().equals(to.key()) && row.message.kind() == kind
                        && !row.createdAt.isBefore(since)).count();
            }
        });
    }

    @Override
    public Flux<Pending> claimDue(int max, Instant now, Duration lease) {
        return Flux.defer(() -> {
            synchronized (this) {
                List<Pending> claimed = new ArrayList<>();
                for (Row row : List.copyOf(rows.values())) {
                    if (claimed.size() == max) {
                        break;
                    }
                    if (row.settledAt.isEmpty() && !row.dueAt.isAfter(now) && row.claimedUntil.map(now::isAfter).orElse(true)) {
                        rows.put(row.id, row.claimed(now.plus(lease)));
                        claimed.add(new Pending(row.id, row.message, row.attempts, row.createdAt));
                    }
                }
                return Flux.fromIterable(claimed);
            }
        });
    }

    @Override
    public Mono<Void> delivered(UUID id, Instant at) {
        return settle(id, at, true);
    }

    @Override
    public Mono<Void> retryAt(UUID id, int attempts, Instant at) {
        return Mono.fromRunnable(() -> {
            synchronized (this) {
                rows.computeIfPresent(id, (key, row) -> new Row(id, row.message, row.createdAt, at, Optional.empty(), attempts, Optional.empty(), false));
            }
        });
    }

    @Override
    public Mono<Void> abandoned(UUID id, Instant at) {
        return settle(id, at, false);
    }

    /** Delivered rows stay whole: nothing here outlives the test, so there is nothing to strip. */
    @Override
    public Mono<Void> forget(UserId user) {
        return Mono.fromRunnable(() -> {
            synchronized (this) {
                rows.values().removeIf(row -> !row.delivered && row.message.user().equals(user));
            }
        });
    }

    @Override
    public Mono<Long> forgetSettledBefore(Instant before) {
        return Mono.fromSupplier(() -> {
            synchronized (this) {
                int size = rows.size();
                rows.values().removeIf(row -> row.settledAt.map(settled -> settled.isBefore(before)).orElse(false));
                return (long) (size - rows.size());
            }
        });
    }

    @Override
    public Mono<Backlog> backlog() {
        return Mono.fromSupplier(() -> {
            synchronized (this) {
                List<Row> waiting = rows.values().stream().filter(row -> row.settledAt.isEmpty()).toList();
                return new Backlog(waiting.size(), waiting.stream().map(Row::createdAt).min(Instant::compareTo));
            }
        });
    }

    public synchronized long waiting() {
        return rows.values().stream().filter(row -> row.settledAt.isEmpty()).count();
    }

    private Mono<Void> settle(UUID id, Instant at, boolean delivered) {
        return Mono.fromRunnable(() -> {
            synchronized (this) {
                rows.computeIfPresent(id, (key, row) -> new Row(id, row.message, row.createdAt, row.dueAt, Optional.empty(), row.attempts,
                        Optional.of(at), delivered));
            }
        });
    }

    /** @param settledAt when it was delivered or given up on */
    private record Row(UUID id, AccountMessage message, Instant createdAt, Instant dueAt, Optional<Instant> claimedUntil,
                       int attempts, Optional<Instant> settledAt, boolean delivered) {

        Row claimed(Instant until) {
            return new Row(id, message, createdAt, dueAt, Optional.of(until), attempts, settledAt, delivered);
        }
    }
}
