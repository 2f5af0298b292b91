package dev.accounts.bootstrap.observability;

import dev.accounts.adapters.security.password.PasswordWorkQueue;
import dev.accounts.application.port.out.PasswordHasher;
import dev.accounts.domain.credentials.Password;
import dev.accounts.domain.credentials.PasswordHash;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * What an operator needs to see password work saturate: how many requests hold a slot and how many wait, how
 * long they waited, how many were refused (shed) and why, and how long one hash or verification takes.
 */
public final class PasswordWorkMetrics implements PasswordWorkQueue.Listener {

    /** Buckets around the queue's default wait bound (one second) and a hash's cost (tens of milliseconds). */
    private static final Duration[] BUCKETS = {Duration.ofMillis(5), Duration.ofMillis(10), Duration.ofMillis(25), Duration.ofMillis(50),
            Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofSeconds(2)};

    private final MeterRegistry meters;
    private final Timer queueWait;
    private final Map<PasswordWorkQueue.Refusal, Counter> refusals = new EnumMap<>(PasswordWorkQueue.Refusal.class);

    public PasswordWorkMetrics(MeterRegistry meters) {
        this.meters = meters;
        this.queueWait = Timer.builder("accounts.password_work.queue.wait")
                .description("How long a request waited for a place in the password-work queue")
                .serviceLevelObjectives(BUCKETS).register(meters);
        for (PasswordWorkQueue.Refusal refusal : PasswordWorkQueue.Refusal.values()) {
            refusals.put(refusal, Counter.builder("accounts.password_work.refusals")
                    .description("Requests refused with 503 by the password-work queue (load shed)")
                    .tag("reason", refusal.name().toLowerCase(Locale.ROOT)).register(meters));
        }
    }

    /** The queue's occupancy, read at each scrape. */
    public void watch(PasswordWorkQueue queue, int slots) {
        Gauge.builder("accounts.password_work.slots.used", queue, watched -> watched.occupancy().running())
                .description("Requests holding a place for password work").register(meters);
        Gauge.builder("accounts.password_work.waiting", queue, watched -> watched.occupancy().waiting())
                .description("Requests waiting for a place for password work").register(meters);
        Gauge.builder("accounts.password_work.slots", () -> slots)
                .description("Places for password work: requests that may hold one at once").register(meters);
    }

    /** {@code hasher}, each hash and verification timed from the hand-over to the hashing thread to its result. */
    public PasswordHasher timed(PasswordHasher hasher) {
        Timer hashing = hashTimer("hash");
        Timer verifying = hashTimer("verify");
        return new PasswordHasher() {
            @Override
            public Mono<PasswordHash> hash(Password password) {
                return timed(hashing, () -> hasher.hash(password));
            }

            @Override
            public Mono<Verification> verify(Password password, PasswordHash hash) {
                return timed(verifying, () -> hasher.verify(password, hash));
            }

            @Override
            public PasswordHash dummyHash() {
                return hasher.dummyHash();
            }

            @Override
            public OptionalInt maxPasswordBytes() {
                return hasher.maxPasswordBytes();
            }

            @Override
            public String toString() {
                return "timed " + hasher;
            }
        };
    }

    @Override
    public void admitted(long waitedNanos) {
        queueWait.record(waitedNanos, TimeUnit.NANOSECONDS);
    }

    @Override
    public void refused(PasswordWorkQueue.Refusal refusal) {
        refusals.get(refusal).increment();
    }

    private Timer hashTimer(String operation) {
        return Timer.builder("accounts.password.hashing").description("How long one password hash or verification took")
                .tag("operation", operation).serviceLevelObjectives(BUCKETS).register(meters);
    }

    private static <T> Mono<T> timed(Timer timer, Supplier<Mono<T>> work) {
        return Mono.defer(() -> {
            long start = System.nanoTime();
            return work.get().doOnSuccess(result -> timer.record(System.nanoTime() - start, TimeUnit.NANOSECONDS));
        });
    }
}
