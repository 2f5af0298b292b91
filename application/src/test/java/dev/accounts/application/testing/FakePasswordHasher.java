package dev.accounts.application.testing;

import dev.accounts.application.port.out.PasswordHasher;
import dev.accounts.application.port.out.TemporarilyUnavailableException;
import dev.accounts.domain.credentials.Password;
import dev.accounts.domain.credentials.PasswordHash;
import dev.accounts.domain.token.SecretToken;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A fast hasher that counts its calls and records what it verified against, so tests can prove that
 * no hash was spent in vain and that every sign-in costs exactly one verification.
 */
public final class FakePasswordHasher implements PasswordHasher {

    public static final String PREFIX = "{fake}";

    private final AtomicInteger hashes = new AtomicInteger();
    private final List<PasswordHash> verifiedAgainst = new CopyOnWriteArrayList<>();
    private volatile boolean saturated;

    /** What a hash made under older settings looks like: it verifies, and asks to be redone. */
    public static PasswordHash legacyHashOf(String password) {
        return new PasswordHash("{legacy}" + digest(Password.normalise(password)));
    }

    @Override
    public Mono<PasswordHash> hash(Password password) {
        return Mono.defer(() -> {
            if (saturated) {
                return Mono.error(new TemporarilyUnavailableException("hashing saturated", Duration.ofSeconds(1), null));
            }
            hashes.incrementAndGet();
            return Mono.just(new PasswordHash(PREFIX + digest(password)));
        });
    }

    @Override
    public Mono<Verification> verify(Password password, PasswordHash hash) {
        return Mono.fromSupplier(() -> {
            verifiedAgainst.add(hash);
            String digest = hash.value().substring(hash.value().indexOf('}') + 1);
            return new Verification(digest.equals(digest(password)), !hash.value().startsWith(PREFIX));
        });
    }

    @Override
    public PasswordHash dummyHash() {
        return new PasswordHash(PREFIX + "dummy");
    }

    @Override
    public OptionalInt maxPasswordBytes() {
        return OptionalInt.empty();
    }

    public int hashes() {
        return hashes.get();
    }

    public List<PasswordHash> verifiedAgainst() {
        return List.copyOf(verifiedAgainst);
    }

    public void saturate() {
        saturated = true;
    }

    private static String digest(Password password) {
        return SecretToken.presented(password.text()).hash().hex(); // a SHA-256 helper the domain already has
    }
}
