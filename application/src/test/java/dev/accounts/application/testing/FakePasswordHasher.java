package dev.accounts.application.testing;

import dev.accounts.application.port.out.PasswordHasher;
import dev.accounts.application.port.out.TemporarilyUnavailableException;
import dev.accounts.domain.user.Password;
import dev.accounts.domain.user.PasswordHash;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.util.OptionalInt;
import java.util.concurrent.atomic.AtomicInteger;

/** A fast hasher that counts its calls, so tests can prove that no hash was spent in vain. */
public final class FakePasswordHasher implements PasswordHasher {

    private final AtomicInteger hashes = new AtomicInteger();
    private volatile boolean saturated;

    @Override
    public Mono<PasswordHash> hash(Password password) {
        return Mono.defer(() -> {
            if (saturated) {
                return Mono.error(new TemporarilyUnavailableException("hashing saturated", Duration.ofSeconds(1), null));
            }
            hashes.incrementAndGet();
            return Mono.just(new PasswordHash("{fake}" + Integer.toHexString(password.text().hashCode())));
        });
    }

    @Override
    public OptionalInt maxPasswordBytes() {
        return OptionalInt.empty();
    }

    public int hashes() {
        return hashes.get();
    }

    public void saturate() {
        saturated = true;
    }
}
