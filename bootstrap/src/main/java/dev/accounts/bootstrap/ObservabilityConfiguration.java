package dev.accounts.bootstrap;

import dev.accounts.adapters.web.logging.RequestIdFilter;
import dev.accounts.application.port.out.Outbox;
import dev.accounts.bootstrap.observability.OutboxBacklog;
import dev.accounts.bootstrap.observability.PasswordWorkMetrics;
import dev.accounts.bootstrap.observability.UseCaseOutcomes;
import io.micrometer.context.ContextRegistry;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.MDC;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.Scheduled;
import reactor.core.publisher.Mono;

import java.time.Clock;

/**
 * Metrics and the request id in logs. The meters themselves are counted at the edge (decorators of the use
 * cases, the queue's listener, the rate-limit filter); this wires them to the registry the actuator scrapes.
 * The request id rides in the Reactor context (see {@link RequestIdFilter}); registered here with Micrometer's
 * context propagation, and with Reactor's automatic propagation on ({@code spring.reactor.context-propagation=auto}),
 * it is in the MDC on whichever thread the request's work continues: hashing threads, database callbacks.
 */
@Configuration(proxyBeanMethods = false)
class ObservabilityConfiguration {

    static {
        ContextRegistry.getInstance().registerThreadLocalAccessor(RequestIdFilter.CONTEXT_KEY,
                () -> MDC.get(RequestIdFilter.CONTEXT_KEY),
                id -> MDC.put(RequestIdFilter.CONTEXT_KEY, id),
                () -> MDC.remove(RequestIdFilter.CONTEXT_KEY));
    }

    @Bean
    UseCaseOutcomes useCaseOutcomes(MeterRegistry meters) {
        return new UseCaseOutcomes(meters);
    }

    @Bean
    PasswordWorkMetrics passwordWorkMetrics(MeterRegistry meters) {
        return new PasswordWorkMetrics(meters);
    }

    @Bean
    OutboxBacklog outboxBacklog(Outbox outbox, Clock clock, MeterRegistry meters) {
        return new OutboxBacklog(outbox, clock, meters);
    }

    @Bean
    OutboxBacklogReading outboxBacklogReading(OutboxBacklog backlog) {
        return new OutboxBacklogReading(backlog);
    }

    /** Reads the outbox's backlog for its gauges; Spring subscribes to each run. */
    static final class OutboxBacklogReading {

        private final OutboxBacklog backlog;

        OutboxBacklogReading(OutboxBacklog backlog) {
            this.backlog = backlog;
        }

        @Scheduled(initialDelay = 0, fixedDelayString = "${accounts.metrics.outbox-interval:15s}")
        Mono<Void> read() {
            return backlog.refresh();
        }
    }
}
