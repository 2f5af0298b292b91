package dev.accounts.adapters.security.password;

import dev.accounts.application.port.out.PasswordHasher;
import dev.accounts.domain.credentials.Password;
import dev.accounts.domain.credentials.PasswordHash;
import dev.accounts.domain.token.SecretToken;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import reactor.core.publisher.Mono;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * Hashes with the configured algorithm and stores its {@code {id}} prefix, so hashes made under an
 * earlier setting keep verifying after a switch.
 */
public final class SpringCryptoPasswordHasher implements PasswordHasher {

    private final HashingAlgorithm active;
    private final PasswordEncoder encoder;
    private final HashingExecutor executor;
    /** Made once, of a random password nobody knows, with the active algorithm and parameters. */
    private final PasswordHash dummyHash;

    public SpringCryptoPasswordHasher(HashingAlgorithm active, HashingExecutor executor) {
        this.active = Objects.requireNonNull(active, "active");
        this.executor = Objects.requireNonNull(executor, "executor");
        Map<String, PasswordEncoder> encoders = new LinkedHashMap<>();
        for (HashingAlgorithm algorithm : HashingAlgorithm.values()) {
            encoders.put(algorithm.id(), algorithm.encoder());
        }
        this.encoder = new DelegatingPasswordEncoder(active.id(), encoders);
        this.dummyHash = new PasswordHash(encoder.encode(SecretToken.random().value()));
    }

    @Override
    public Mono<PasswordHash> hash(Password password) {
        return executor.submit(() -> new PasswordHash(encoder.encode(password.text())));
    }

    @Override
    public Mono<Verification> verify(Password password, PasswordHash hash) {
        return executor.submit(() -> new Verification(matches(password, hash), encoder.upgradeEncoding(hash.value())));
    }

    @Override
    public PasswordHash dummyHash() {
        return dummyHash;
    }

    @Override
    public OptionalInt maxPasswordBytes() {
        return active.maxPasswordBytes();
    }

    /**
     * bcrypt refuses to compare a password longer than it reads, and Bouncy Castle one it cannot encode (a
     * lone surrogate, which the sign-in form refuses first); such a password matches nothing.
     */
    private boolean matches(Password password, PasswordHash hash) {
        try {
            return encoder.matches(password.text(), hash.value());
        } catch (IllegalArgumentException | IllegalStateException unusable) {
            return false;
        }
    }
}
