package dev.accounts.application.testing;

import dev.accounts.application.port.out.PasswordWorkCapacity;
import dev.accounts.application.port.out.TemporarilyUnavailableException;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Lets every request in until told it is saturated, and counts the places in use, so tests can prove that
 * a refused request spends nothing and that an admitted one gives its place back however it ends.
 */
public final class FakePasswordWorkCapacity implements PasswordWorkCapacity {

    private final AtomicInteger inUse = new AtomicInteger();
    private final AtomicInteger admitted = new AtomicInteger();
    private volatile boolean saturated;

    @Override
    public <T> Mono<T> admit(String client, Mono<T> work) {
        return Mono.defer(() -> {
            if (saturated) {
                return Mono.error(new TemporarilyUnavailableException("password work at capacity", Duration.ofSeconds(1)));
            }
            admitted.incrementAndGet();
            inUse.incrementAndGet();
            return work.doFinally(signal -> inUse.decrementAndGet());
        });
    }

    public void saturate() {
        saturated = true;
    }

    public int admitted() {
        return admitted.get();
    }

    public int inUse() {
        return inUse.get();
    }
}
