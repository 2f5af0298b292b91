package dev.accounts.application.testing;

import dev.accounts.application.port.out.BreachedPasswords;
import dev.accounts.domain.credentials.Password;
import reactor.core.publisher.Mono;

import java.util.Set;

/** Knows the breached passwords it is given. */
public final class FakeBreachedPasswords implements BreachedPasswords {

    private final Set<String> breached;

    public FakeBreachedPasswords(String... breached) {
        this.breached = Set.of(breached);
    }

    @Override
    public Mono<Boolean> isBreached(Password password) {
        return Mono.fromSupplier(() -> breached.contains(password.text()));
    }
}
