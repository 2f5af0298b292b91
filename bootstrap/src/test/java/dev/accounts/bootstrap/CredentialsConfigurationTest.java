package dev.accounts.bootstrap;

import dev.accounts.adapters.security.password.HashingExecutor;
import dev.accounts.application.port.out.PasswordHasher;
import dev.accounts.domain.credentials.PasswordPolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import dev.accounts.bootstrap.observability.PasswordWorkMetrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class CredentialsConfigurationTest {

    private final CredentialsConfiguration configuration = new CredentialsConfiguration();
    private final HashingExecutor executor = new HashingExecutor(1, 1, Duration.ofSeconds(1));
    private final PasswordWorkMetrics metrics = new PasswordWorkMetrics(new SimpleMeterRegistry());

    @AfterEach
    void stop() {
        executor.close();
    }

    /** Bound as Spring binds them at start-up, every default included. */
    private static AccountsProperties properties(AccountsProperties.Hashing.Algorithm algorithm, int minLength) {
        Map<String, String> configured = Map.of("accounts.hashing.algorithm", algorithm.name(), "accounts.password.min-length", Integer.toString(minLength));
        return new Binder(new MapConfigurationPropertySource(configured)).bindOrCreate("accounts", AccountsProperties.class);
    }

    @Test
    void limitsPasswordsTo72BytesWhileBcryptIsActive() {
        AccountsProperties bcrypt = properties(AccountsProperties.Hashing.Algorithm.BCRYPT, 15);
        PasswordHasher hasher = configuration.passwordHasher(bcrypt, executor, metrics);

        PasswordPolicy policy = configuration.passwordRules(bcrypt, hasher).policy();

        assertThat(policy.maxUtf8Bytes()).hasValue(72);
        assertThat(policy.maxLength()).isEqualTo(128);
    }

    @Test
    void leavesArgon2idWithoutAByteLimitAndHonoursTheConfiguredMinimum() {
        AccountsProperties argon = properties(AccountsProperties.Hashing.Algorithm.ARGON2ID, 12);
        PasswordHasher hasher = configuration.passwordHasher(argon, executor, metrics);

        PasswordPolicy policy = configuration.passwordRules(argon, hasher).policy();

        assertThat(policy.maxUtf8Bytes()).isEmpty();
        assertThat(policy.minLength()).isEqualTo(12);
    }

    @Test
    void sizesHashingToTheMachineByDefault() {
        AccountsProperties.Hashing hashing = properties(AccountsProperties.Hashing.Algorithm.ARGON2ID, 15).hashing();

        assertThat(hashing.effectiveThreads()).isEqualTo(Runtime.getRuntime().availableProcessors());
        assertThat(hashing.effectiveConcurrency()).isEqualTo(2 * Runtime.getRuntime().availableProcessors());
    }
}
