package dev.accounts.bootstrap.observability;

import dev.accounts.application.port.out.Outbox;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * How far mail delivery is behind: the messages waiting and how old the oldest is. Read from the outbox
 * periodically rather than at each scrape, so that a scrape never waits for the database; the age is worked
 * out at the scrape from the oldest message's time, so it keeps growing while delivery is stuck.
 */
public final class OutboxBacklog {

    private static final Logger log = LoggerFactory.getLogger(OutboxBacklog.class);

    private final Outbox outbox;
    private final Clock clock;
    private final AtomicReference<Outbox.Backlog> last = new AtomicReference<>(new Outbox.Backlog(0, Optional.empty()));

    public OutboxBacklog(Outbox outbox, Clock clock, MeterRegistry meters) {
        this.outbox = outbox;
        this.clock = clock;
        Gauge.builder("accounts.mail.outbox.pending", last, backlog -> backlog.get().messages())
                .description("Messages neither delivered nor given up on yet").register(meters);
        Gauge.builder("accounts.mail.outbox.oldest.age", last, backlog -> ageSeconds(backlog.get()))
                .description("How long the oldest waiting message has waited; 0 when none waits").baseUnit("seconds").register(meters);
    }

    /** Reads the backlog again; keeps the last reading when the database cannot answer (its own metrics say so). */
    public Mono<Void> refresh() {
        return outbox.backlog()
                .doOnNext(last::set)
                .onErrorResume(failure -> {
                    log.debug("could not read the outbox backlog this time: {}", failure.toString());
                    return Mono.empty();
                })
                .then();
    }

    private double ageSeconds(Outbox.Backlog backlog) {
        return backlog.oldestCreatedAt()
                .map(oldest -> Math.max(0, Duration.between(oldest, Instant.now(clock)).toMillis() / 1000.0))
                .orElse(0.0);
    }
}
