package dev.accounts.bootstrap;

import dev.accounts.application.port.out.PasswordHasher;
import dev.accounts.domain.credentials.Password;
import dev.accounts.domain.credentials.PasswordHash;
import reactor.core.publisher.Mono;

import java.util.OptionalInt;

/** The real hasher with nothing changed; tests override the one method they observe or slow down. */
abstract class DelegatingPasswordHasher implements PasswordHasher {

    private final PasswordHasher real;

    DelegatingPasswordHasher(PasswordHasher real) {
        this.real = real;
    }

    @Override
    public Mono<PasswordHash> hash(Password password) {
        return real.hash(password);
    }

    @Override
    public Mono<Verification> verify(Password password, PasswordHash hash) {
        return real.verify(password, hash);
    }

    @Override
    public PasswordHash dummyHash() {
        return real.dummyHash();
    }

    @Override
    public OptionalInt maxPasswordBytes() {
        return real.maxPasswordBytes();
    }
}
