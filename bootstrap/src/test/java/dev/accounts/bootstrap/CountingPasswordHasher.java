package dev.accounts.bootstrap;

import dev.accounts.application.port.out.PasswordHasher;
import dev.accounts.domain.user.Password;
import dev.accounts.domain.user.PasswordHash;
import reactor.core.publisher.Mono;

import java.util.OptionalInt;
import java.util.concurrent.atomic.AtomicInteger;

/** The real hasher, counted, so end-to-end tests can prove that no hash is spent on a duplicate. */
final class CountingPasswordHasher implements PasswordHasher {

    private final PasswordHasher real;
    private final AtomicInteger hashes = new AtomicInteger();
    private final AtomicInteger verifications = new AtomicInteger();

    CountingPasswordHasher(PasswordHasher real) {
        this.real = real;
    }

    @Override
    public Mono<PasswordHash> hash(Password password) {
        return Mono.defer(() -> {
            hashes.incrementAndGet();
            return real.hash(password);
        });
    }

    @Override
    public Mono<Verification> verify(Password password, PasswordHash hash) {
        return Mono.defer(() -> {
            verifications.incrementAndGet();
            return real.verify(password, hash);
        });
    }

    @Override
    public PasswordHash dummyHash() {
        return real.dummyHash();
    }

    @Override
    public OptionalInt maxPasswordBytes() {
        return real.maxPasswordBytes();
    }

    int hashes() {
        return hashes.get();
    }

    int verifications() {
        return verifications.get();
    }
}
