package dev.accounts.adapters.security.password;

import dev.accounts.application.port.out.TemporarilyUnavailableException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.test.StepVerifier;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class PasswordWorkQueueTest {

    /** Two places, one per client while others wait; a request is expected to hold its place for 100 ms. */
    private final PasswordWorkQueue queue = new PasswordWorkQueue(new PasswordWorkQueue.Policy(2, Duration.ofMillis(300), 0.5,
            Duration.ofMillis(20), Duration.ofSeconds(1), Duration.ofMillis(100)));
    private final List<Sinks.Empty<Void>> work = new CopyOnWriteArrayList<>();
    private final List<String> started = new CopyOnWriteArrayList<>();

    @AfterEach
    void stop() {
        work.forEach(Sinks.Empty::tryEmitEmpty);
        queue.close();
    }

    /** Work for {@code client} that runs until {@link #finishOldest()}; records when it starts. */
    private Disposable hold(String client) {
        Sinks.Empty<Void> done = Sinks.empty();
        work.add(done);
        return queue.admit(client, Mono.fromRunnable(() -> started.add(client)).then(done.asMono())).subscribe(ignored -> { }, error -> { });
    }

    private void finishOldest() {
        work.removeFirst().tryEmitEmpty();
    }

    @Test
    void runsAsManyRequestsAsItHasPlacesAndQueuesTheRest() {
        hold("a");
        hold("a");
        hold("a");

        assertThat(started).containsExactly("a", "a");
        assertThat(queue.occupancy()).isEqualTo(new PasswordWorkQueue.Occupancy(2, 1));

        finishOldest();

        assertThat(started).containsExactly("a", "a", "a");
        assertThat(queue.occupancy()).isEqualTo(new PasswordWorkQueue.Occupancy(2, 0));
    }

    @Test
    void givesAFreedPlaceToAWaitingClientBeforeTheClientThatHoldsTheOthers() {
        hold("burst");
        hold("burst");
        hold("burst");
        hold("burst");
        hold("other");

        finishOldest();

        assertThat(started).containsExactly("burst", "burst", "other");
    }

    @Test
    void refusesARequestThatWouldWaitTooLongWithoutRunningIt() {
        for (int i = 0; i < 8; i++) {
            hold("a");
        }
        AtomicBoolean ran = new AtomicBoolean();

        StepVerifier.create(queue.admit("a", Mono.fromRunnable(() -> ran.set(true))))
                .expectErrorSatisfies(error -> assertThat(error).isInstanceOfSatisfying(TemporarilyUnavailableException.class,
                        unavailable -> assertThat(unavailable.retryAfter()).isGreaterThanOrEqualTo(Duration.ofSeconds(1))))
                .verify(Duration.ofSeconds(2));
        assertThat(ran).isFalse();
    }

    @Test
    void letsAnotherClientInWhileOneClientsLineIsTooLong() {
        for (int i = 0; i < 8; i++) {
            hold("burst");
        }

        hold("other");
        finishOldest();

        assertThat(started).contains("other");
    }

    @Test
    void holdsARefusalBackBeforeAnsweringIt() {
        for (int i = 0; i < 8; i++) {
            hold("a");
        }

        long start = System.nanoTime();
        StepVerifier.create(queue.admit("a", Mono.empty())).expectError(TemporarilyUnavailableException.class).verify(Duration.ofSeconds(2));

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(20));
    }

    @Test
    void refusesAWaiterOnceItHasWaitedTwiceTheLongestWait() {
        hold("a");
        hold("a");
        List<Throwable> errors = new ArrayList<>();

        queue.admit("b", Mono.empty()).subscribe(ignored -> { }, errors::add);

        await().atMost(Duration.ofSeconds(2)).until(() -> !errors.isEmpty());
        assertThat(errors.getFirst()).isInstanceOf(TemporarilyUnavailableException.class);
        assertThat(queue.occupancy()).isEqualTo(new PasswordWorkQueue.Occupancy(2, 0));
    }

    @Test
    void givesThePlaceBackHoweverTheWorkEnds() {
        queue.admit("a", Mono.just("done")).block();
        StepVerifier.create(queue.admit("a", Mono.error(new IllegalStateException("boom")))).expectError(IllegalStateException.class).verify();
        hold("a").dispose();
        hold("a").dispose();

        assertThat(queue.occupancy()).isEqualTo(new PasswordWorkQueue.Occupancy(0, 0));
    }

    @Test
    void dropsAWaiterWhoseClientHungUp() {
        hold("a");
        hold("a");
        Disposable waiting = hold("b");

        waiting.dispose();

        assertThat(queue.occupancy()).isEqualTo(new PasswordWorkQueue.Occupancy(2, 0));
        finishOldest();
        assertThat(queue.occupancy().running()).isEqualTo(1);
    }

    @Test
    void tellsItsListenerHowLongEachAdmittedRequestWaitedAndOfEachRefusalForMetrics() {
        List<Long> waits = new CopyOnWriteArrayList<>();
        List<PasswordWorkQueue.Refusal> refusals = new CopyOnWriteArrayList<>();
        PasswordWorkQueue watched = new PasswordWorkQueue(new PasswordWorkQueue.Policy(1, Duration.ofMillis(150), 1.0, Duration.ZERO,
                Duration.ofSeconds(1), Duration.ofMillis(100)), new PasswordWorkQueue.Listener() {
            @Override
            public void admitted(long waitedNanos) {
                waits.add(waitedNanos);
            }

            @Override
            public void refused(PasswordWorkQueue.Refusal refusal) {
                refusals.add(refusal);
            }
        });
        try {
            Sinks.Empty<Void> first = Sinks.empty();
            watched.admit("a", first.asMono()).subscribe();
            watched.admit("a", Mono.empty()).subscribe(ignored -> { }, error -> { });
            StepVerifier.create(watched.admit("a", Mono.empty())).expectError(PasswordWorkAtCapacityException.class).verify(Duration.ofSeconds(5));

            first.tryEmitEmpty();

            await().atMost(Duration.ofSeconds(5)).until(() -> waits.size() == 2);
            assertThat(waits).allSatisfy(wait -> assertThat(wait).isNotNegative());
            assertThat(refusals).containsExactly(PasswordWorkQueue.Refusal.AT_CAPACITY);
        } finally {
            watched.close();
        }
    }
}
