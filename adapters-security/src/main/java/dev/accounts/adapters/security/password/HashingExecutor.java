package dev.accounts.adapters.security.password;

import dev.accounts.application.port.out.TemporarilyUnavailableException;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs CPU-bound hashing on a fixed number of threads with a bounded wait queue. Hashing on the event
 * loop would stall every other request; an unbounded queue would let a burst of sign-ups pile up
 * until each one times out. When the queue is full the work is refused at once instead.
 */
public final class HashingExecutor implements AutoCloseable {

    private final ThreadPoolExecutor executor;
    private final Duration retryAfter;

    public HashingExecutor(int threads, int queueCapacity, Duration retryAfter) {
        if (threads < 1 || queueCapacity < 0) {
            throw new IllegalArgumentException("need at least one thread and a non-negative queue, got " + threads + " and " + queueCapacity);
        }
        this.executor = new ThreadPoolExecutor(threads, threads, 0, TimeUnit.SECONDS,
                queueCapacity == 0 ? new java.util.concurrent.SynchronousQueue<>() : new ArrayBlockingQueue<>(queueCapacity),
                namedDaemonThreads(), new ThreadPoolExecutor.AbortPolicy());
        this.retryAfter = retryAfter;
    }

    /** Sized to the machine: one thread per core, four waiting hashes per core. */
    public static HashingExecutor forAvailableProcessors() {
        int cores = Runtime.getRuntime().availableProcessors();
        return new HashingExecutor(cores, 4 * cores, Duration.ofSeconds(1));
    }

    public <T> Mono<T> submit(Callable<T> work) {
        return Mono.create(sink -> {
            Future<?> task;
            try {
                task = executor.submit(() -> {
                    try {
                        sink.success(work.call());
                    } catch (Throwable failure) {
                        sink.error(failure);
                    }
                });
            } catch (RejectedExecutionException full) {
                sink.error(new TemporarilyUnavailableException("password hashing is at capacity", retryAfter, full));
                return;
            }
            sink.onCancel(() -> {
                // A client that hung up frees its place in the queue.
                task.cancel(false);
                executor.remove((Runnable) task);
            });
        });
    }

    @Override
    public void close() {
        executor.shutdown();
        try {
            if (!executor.awaitTermination(30, TimeUnit.SECONDS)) {
                executor.shutdownNow();
            }
        } catch (InterruptedException interrupted) {
            executor.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    private static ThreadFactory namedDaemonThreads() {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, "password-hashing-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
