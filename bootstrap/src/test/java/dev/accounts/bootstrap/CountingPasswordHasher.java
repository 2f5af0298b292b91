package dev.accounts.bootstrap;

import dev.accounts.application.port.out.PasswordHasher;
import dev.accounts.domain.credentials.Password;
import dev.accounts.domain.credentials.PasswordHash;
import reactor.core.publisher.Mono;

import java.util.concurrent.atomic.AtomicInteger;

/** The real hasher, counted, so end-to-end tests can prove that no hash is spent on a duplicate. */
final class CountingPasswordHasher extends DelegatingPasswordHasher {

    private final AtomicInteger hashes = new AtomicInteger();
    private final AtomicInteger verifications = new AtomicInteger();

    CountingPasswordHasher(PasswordHasher real) {
        super(real);
    }

    @Override
    public Mono<PasswordHash> hash(Password password) {
        return Mono.defer(() -> {
            hashes.incrementAndGet();
            return super.hash(password);
        });
    }

    @Override
    public Mono<Verification> verify(Password password, PasswordHash hash) {
        return Mono.defer(() -> {
            verifications.incrementAndGet();
            return super.verify(password, hash);
        });
    }

    int hashes() {
        return hashes.get();
    }

    int verifications() {
        return verifications.get();
    }
}
