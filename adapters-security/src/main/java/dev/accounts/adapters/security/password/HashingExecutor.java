package dev.accounts.adapters.security.password;

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
 *
 * <p>Requests reach it through {@link PasswordWorkQueue}, which admits as many at once as the queue
 * has room for, each with one piece of work at a time: so admitted work is never refused here.
 */
public final class HashingExecutor implements AutoCloseable {

    private final ThreadPoolExecutor executor;
    private final Duration retryAfter;

    /** @param queueCapacity work that may wait for a thread: at least the admission's slots */
    public HashingExecutor(int threads, int queueCapacity, Duration retryAfter) {
        if (threads < 1 || queueCapacity < 1) {
            throw new IllegalArgumentException("need at least one thread and a queue of at least one, got " + threads + " and " + queueCapacity);
        }
        // Room beyond the admitted work for that of requests whose clients hung up: their slot is back at
        // once, but a hash already running finishes.
        this.executor = new ThreadPoolExecutor(threads, threads, 0, TimeUnit.SECONDS, new ArrayBlockingQueue<>(queueCapacity + threads),
                namedDaemonThreads(), new ThreadPoolExecutor.AbortPolicy());
        this.retryAfter = retryAfter;
    }

    /**
     * Runs {@code work} on a hashing thread, where the caller continues with its result: handing it to
     * another thread would cost every request two more wake-ups. The caller may submit its next piece of
     * password work from there; the queue has room for one task of every admitted request, so that
     * submission is never refused while the thread finishes.
     */
    public <T> Mono<T> submit(Callable<T> work) {
        return Mono.create(sink -> {
            Future<?> task;
            try {
                task = executor.submit(() -> {
                    T result;
                    try {
                        result = work.call();
                    } catch (Throwable failure) {
                        sink.error(failure);
                        return;
                    }
                    sink.success(result);
                });
            } catch (RejectedExecutionException full) {
                sink.error(new PasswordWorkAtCapacityException("password hashing is at capacity", retryAfter, full));
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
