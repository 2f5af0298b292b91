package dev.accounts.adapters.security.password;

import dev.accounts.application.port.out.TemporarilyUnavailableException;
import reactor.core.publisher.Mono;
import reactor.core.publisher.MonoSink;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Admission to password work, fair between clients and bounded by how long a request would wait.
 *
 * <p>At most {@link Policy#slots()} requests hold a slot at once: enough to keep every hashing thread busy
 * while a request does its queries between two pieces of hashing. The others wait, each client in a line
 * of its own, and a freed slot goes to the next client in turn: a client's burst lengthens its own line,
 * not everyone's, and while others wait no client holds more than {@link Policy#maxSharePerClient()} of
 * the slots. A request that would wait longer than {@link Policy#maxWait()} is refused at once, judged by
 * its place in that round and how long requests have recently held a slot; one that has waited twice that
 * long (the estimate was wrong, or the work is stuck) is refused then.
 *
 * <p>Queueing instead of refusing keeps a crowd of clients from turning into a storm of refusals, which
 * would take the CPU that hashing needs. The refusals that remain are answered after
 * {@link Policy#refusalDelay()}: a client that retries at once, ignoring {@code Retry-After}, comes back a
 * few times a second instead of thousands of times. The delay costs no timer per request: one thread
 * sweeps every {@value #TICK_MILLIS} ms, and only while something is due.
 *
 * <p>Reactor has no such admission control, and a semaphore or bounded executor queue is neither fair
 * between clients nor aware of time, hence this class.
 */
public final class PasswordWorkQueue implements AutoCloseable {

    private static final long TICK_MILLIS = 5;
    /** How much of each new measurement the slot-time estimate takes in. */
    private static final double SMOOTHING = 0.1;

    /**
     * @param slots              requests holding a slot at once
     * @param maxWait            the longest a request is queued for; past it, 503 at once
     * @param maxSharePerClient  of the slots, what one client may hold while others wait (0 to 1]
     * @param refusalDelay       how long a refusal is held before it is answered
     * @param minRetryAfter      the least a refusal's {@code Retry-After} says
     * @param initialSlotTime    how long a request is expected to hold a slot until some have been measured
     */
    public record Policy(int slots, Duration maxWait, double maxSharePerClient, Duration refusalDelay, Duration minRetryAfter,
                         Duration initialSlotTime) {

        public Policy {
            Objects.requireNonNull(maxWait, "maxWait");
            Objects.requireNonNull(refusalDelay, "refusalDelay");
            Objects.requireNonNull(minRetryAfter, "minRetryAfter");
            Objects.requireNonNull(initialSlotTime, "initialSlotTime");
            if (slots < 1 || maxSharePerClient <= 0 || maxSharePerClient > 1 || maxWait.isNegative() || refusalDelay.isNegative()
                    || !initialSlotTime.isPositive()) {
                throw new IllegalArgumentException("need at least one slot, a share in (0, 1], and no negative durations");
            }
        }

        int slotsPerClientWhileOthersWait() {
            return Math.max(1, (int) Math.floor(maxSharePerClient * slots));
        }
    }

    /** Told, outside the queue's lock, how long each admitted request waited and of each refusal: for metrics. */
    public interface Listener {

        Listener NONE = new Listener() {
            @Override
            public void admitted(long waitedNanos) {
            }

            @Override
            public void refused(Refusal refusal) {
            }
        };

        void admitted(long waitedNanos);

        void refused(Refusal refusal);
    }

    public enum Refusal {
        /** The request would have waited longer than the policy allows: refused on arrival. */
        AT_CAPACITY,
        /** The request waited twice as long as the policy allows without a slot. */
        WAITED_TOO_LONG
    }

    private final Policy policy;
    private final Listener listener;
    private final ScheduledExecutorService sweeper = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "password-work-queue");
        thread.setDaemon(true);
        return thread;
    });

    // Guarded by this.
    private int running;
    private final Map<String, Integer> runningByClient = new HashMap<>();
    /** Each client's line; iteration order is the order in which clients get the next free slot. */
    private final LinkedHashMap<String, ArrayDeque<Waiter>> lines = new LinkedHashMap<>();
    private int waiting;
    private final ArrayDeque<DelayedRefusal> refusals = new ArrayDeque<>();
    private double slotNanos;
    private boolean sweepScheduled;

    public PasswordWorkQueue(Policy policy) {
        this(policy, Listener.NONE);
    }

    public PasswordWorkQueue(Policy policy, Listener listener) {
        this.policy = Objects.requireNonNull(policy, "policy");
        this.listener = Objects.requireNonNull(listener, "listener");
        this.slotNanos = policy.initialSlotTime().toNanos();
    }

    /**
     * {@code work}, run once a slot is granted to {@code client} and holding it until it ends; fails at once
     * with {@link TemporarilyUnavailableException} when the wait would be too long.
     */
    public <T> Mono<T> admit(String client, Mono<T> work) {
        return Mono.usingWhen(acquire(client), ticket -> work, this::release, (ticket, error) -> release(ticket), this::release);
    }

    /** Requests holding a slot now, and requests waiting for one: for tests and metrics. */
    public synchronized Occupancy occupancy() {
        return new Occupancy(running, waiting);
    }

    public record Occupancy(int running, int waiting) {
    }

    private Mono<Ticket> acquire(String client) {
        return Mono.create(sink -> {
            Waiter waiter = new Waiter(client, sink, System.nanoTime());
            sink.onCancel(() -> cancel(waiter));
            boolean admitted = false;
            boolean refused = false;
            synchronized (this) {
                if (running < policy.slots() && waiting == 0) {
                    waiter.ticket = grant(client);
                    admitted = true;
                } else {
                    long wait = expectedWaitNanos(client);
                    if (wait > policy.maxWait().toNanos()) {
                        delayRefusal(sink, wait);
                        refused = true;
                    } else {
                        lines.computeIfAbsent(client, key -> new ArrayDeque<>()).addLast(waiter);
                        waiting++;
                        scheduleSweep();
                    }
                }
            }
            if (admitted) {
                waiter.admit();
            }
            if (refused) {
                listener.refused(Refusal.AT_CAPACITY);
            }
        });
    }

    private Mono<Void> release(Ticket ticket) {
        return Mono.fromRunnable(() -> {
            if (!ticket.released.compareAndSet(false, true)) {
                return;
            }
            List<Waiter> admitted;
            synchronized (this) {
                running--;
                runningByClient.computeIfPresent(ticket.client(), (client, count) -> count == 1 ? null : count - 1);
                slotNanos += SMOOTHING * ((System.nanoTime() - ticket.grantedAt()) - slotNanos);
                admitted = grantWaiters();
            }
            admitted.forEach(Waiter::admit);
        });
    }

    /** One client's line gives up a waiter whose client hung up; a waiter admitted meanwhile gives its slot back. */
    private void cancel(Waiter waiter) {
        synchronized (this) {
            ArrayDeque<Waiter> line = lines.get(waiter.client());
            if (line != null && line.remove(waiter)) {
                waiting--;
                if (line.isEmpty()) {
                    lines.remove(waiter.client());
                }
                return;
            }
        }
        if (waiter.ticket != null) {
            release(waiter.ticket).subscribe();
        }
    }

    private Ticket grant(String client) {
        running++;
        runningByClient.merge(client, 1, Integer::sum);
        return new Ticket(client, System.nanoTime(), new AtomicBoolean());
    }

    /** Gives free slots to the next clients in turn, each client's oldest waiter first. */
    private List<Waiter> grantWaiters() {
        List<Waiter> admitted = new ArrayList<>();
        while (running < policy.slots() && waiting > 0) {
            Waiter next = nextInTurn();
            waiting--;
            next.ticket = grant(next.client());
            admitted.add(next);
        }
        return admitted;
    }

    /**
     * The oldest waiter of the first client in turn that holds less than its share; if every waiting client
     * holds its share already, the first in turn all the same, so that no slot stays idle while anyone waits.
     */
    private Waiter nextInTurn() {
        String chosen = null;
        if (lines.size() > 1) {
            for (String client : lines.keySet()) {
                if (runningByClient.getOrDefault(client, 0) < policy.slotsPerClientWhileOthersWait()) {
                    chosen = client;
                    break;
                }
            }
        }
        if (chosen == null) {
            chosen = lines.keySet().iterator().next();
        }
        ArrayDeque<Waiter> line = lines.remove(chosen);
        Waiter next = line.pollFirst();
        if (!line.isEmpty()) {
            lines.put(chosen, line); // to the back of the round
        }
        return next;
    }

    /**
     * A new request of {@code client} is served after the client's own line and, from every other line, as
     * many requests as its own would then hold: each round gives every waiting client one slot.
     */
    private long expectedWaitNanos(String client) {
        ArrayDeque<Waiter> own = lines.get(client);
        int ownLine = own == null ? 0 : own.size();
        long ahead = ownLine;
        for (Map.Entry<String, ArrayDeque<Waiter>> line : lines.entrySet()) {
            if (!line.getKey().equals(client)) {
                ahead += Math.min(line.getValue().size(), ownLine + 1);
            }
        }
        return (long) ((ahead + 1) * slotNanos / policy.slots());
    }

    private void delayRefusal(MonoSink<Ticket> sink, long expectedWaitNanos) {
        Duration retryAfter = Duration.ofNanos(Math.max(policy.minRetryAfter().toNanos(), expectedWaitNanos));
        refusals.addLast(new DelayedRefusal(sink, System.nanoTime() + policy.refusalDelay().toNanos(), retryAfter));
        scheduleSweep();
    }

    private void scheduleSweep() {
        if (!sweepScheduled) {
            sweepScheduled = true;
            sweeper.schedule(this::sweep, TICK_MILLIS, TimeUnit.MILLISECONDS);
        }
    }

    /** Answers the refusals that are due and refuses waiters that have waited too long. */
    private void sweep() {
        List<DelayedRefusal> due = new ArrayList<>();
        List<Waiter> expired = new ArrayList<>();
        long now = System.nanoTime();
        synchronized (this) {
            sweepScheduled = false;
            while (!refusals.isEmpty() && refusals.peekFirst().dueAt() - now <= 0) {
                due.add(refusals.pollFirst());
            }
            long oldestAllowed = now - 2 * policy.maxWait().toNanos();
            Iterator<ArrayDeque<Waiter>> clientLines = lines.values().iterator();
            while (clientLines.hasNext()) {
                ArrayDeque<Waiter> line = clientLines.next();
                while (!line.isEmpty() && line.peekFirst().since() - oldestAllowed < 0) {
                    expired.add(line.pollFirst());
                    waiting--;
                }
                if (line.isEmpty()) {
                    clientLines.remove();
                }
            }
            if (!refusals.isEmpty() || waiting > 0) {
                scheduleSweep();
            }
        }
        due.forEach(refusal -> refusal.sink().error(unavailable(refusal.retryAfter())));
        expired.forEach(waiter -> {
            listener.refused(Refusal.WAITED_TOO_LONG);
            waiter.sink().error(unavailable(policy.minRetryAfter()));
        });
    }

    private static TemporarilyUnavailableException unavailable(Duration retryAfter) {
        return new PasswordWorkAtCapacityException("password work is at capacity", retryAfter);
    }

    @Override
    public void close() {
        sweeper.shutdownNow();
    }

    private record Ticket(String client, long grantedAt, AtomicBoolean released) {
    }

    private record DelayedRefusal(MonoSink<Ticket> sink, long dueAt, Duration retryAfter) {
    }

    /** A request in its client's line; {@link #ticket} is set, under the queue's lock, when it is admitted. */
    private final class Waiter {

        private final String client;
        private final MonoSink<Ticket> sink;
        private final long since;
        private volatile Ticket ticket;

        Waiter(String client, MonoSink<Ticket> sink, long since) {
            this.client = client;
            this.sink = sink;
            this.since = since;
        }

        String client() {
            return client;
        }

        MonoSink<Ticket> sink() {
            return sink;
        }

        long since() {
            return since;
        }

        void admit() {
            listener.admitted(ticket.grantedAt() - since);
            sink.success(ticket);
        }
    }
}
