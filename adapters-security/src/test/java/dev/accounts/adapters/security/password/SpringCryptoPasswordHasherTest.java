package dev.accounts.adapters.security.password;

import dev.accounts.application.port.out.PasswordHasher;
import dev.accounts.domain.credentials.Password;
import dev.accounts.domain.credentials.PasswordHash;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

class SpringCryptoPasswordHasherTest {

    private static final Password PASSWORD = Password.normalise("correct horse battery staple");

    private final HashingExecutor executor = new HashingExecutor(2, 8, Duration.ofSeconds(1));

    @AfterEach
    void stopExecutor() {
        executor.close();
    }

    @Test
    void hashesWithArgon2idAtTheOwaspMinimumByDefault() {
        PasswordHash hash = new SpringCryptoPasswordHasher(HashingAlgorithm.ARGON2ID, executor).hash(PASSWORD).block();

        assertThat(hash.value()).startsWith("{argon2}$argon2id$v=19$m=19456,t=2,p=1$");
        assertThat(HashingAlgorithm.ARGON2ID.encoder().matches(PASSWORD.text(), hash.value().substring("{argon2}".length()))).isTrue();
    }

    @Test
    void hashesWithBcryptCostTenWhenConfigured() {
        SpringCryptoPasswordHasher hasher = new SpringCryptoPasswordHasher(HashingAlgorithm.BCRYPT, executor);

        PasswordHash hash = hasher.hash(PASSWORD).block();

        assertThat(hash.value()).startsWith("{bcrypt}$2a$10$");
        assertThat(HashingAlgorithm.BCRYPT.encoder().matches(PASSWORD.text(), hash.value().substring("{bcrypt}".length()))).isTrue();
        assertThat(hasher.maxPasswordBytes()).hasValue(72);
    }

    @Test
    void saltsEveryHash() {
        SpringCryptoPasswordHasher hasher = new SpringCryptoPasswordHasher(HashingAlgorithm.ARGON2ID, executor);

        assertThat(hasher.hash(PASSWORD).block()).isNotEqualTo(hasher.hash(PASSWORD).block());
        assertThat(hasher.maxPasswordBytes()).isEmpty();
    }

    @Test
    void hashesOffTheCallersThread() {
        AtomicReference<String> thread = new AtomicReference<>();

        new SpringCryptoPasswordHasher(HashingAlgorithm.BCRYPT, executor).hash(PASSWORD)
                .doOnNext(hash -> thread.set(Thread.currentThread().getName()))
                .block();

        assertThat(thread.get()).isNotEqualTo(Thread.currentThread().getName());
    }

    @Test
    void verifiesAndAsksForARehashOfABcryptHashWhileArgon2idIsActive() {
        PasswordHash bcrypt = new SpringCryptoPasswordHasher(HashingAlgorithm.BCRYPT, executor).hash(PASSWORD).block();
        SpringCryptoPasswordHasher argon = new SpringCryptoPasswordHasher(HashingAlgorithm.ARGON2ID, executor);

        assertThat(argon.verify(PASSWORD, bcrypt).block()).isEqualTo(new PasswordHasher.Verification(true, true));
        assertThat(argon.verify(Password.normalise("wrong"), bcrypt).block().matches()).isFalse();
        assertThat(argon.verify(PASSWORD, argon.hash(PASSWORD).block()).block()).isEqualTo(new PasswordHasher.Verification(true, false));
    }

    @Test
    void makesItsDummyHashWithTheActiveAlgorithmSoBothPathsCostTheSame() {
        SpringCryptoPasswordHasher argon = new SpringCryptoPasswordHasher(HashingAlgorithm.ARGON2ID, executor);
        SpringCryptoPasswordHasher bcrypt = new SpringCryptoPasswordHasher(HashingAlgorithm.BCRYPT, executor);

        assertThat(argon.dummyHash().value()).startsWith("{argon2}$argon2id$v=19$m=19456,t=2,p=1$");
        assertThat(bcrypt.dummyHash().value()).startsWith("{bcrypt}$2a$10$");
        assertThat(argon.verify(PASSWORD, argon.dummyHash()).block().matches()).isFalse();
    }

    @Test
    void matchesNothingWithAPasswordLongerThanBcryptReads() {
        SpringCryptoPasswordHasher bcrypt = new SpringCryptoPasswordHasher(HashingAlgorithm.BCRYPT, executor);
        PasswordHash hash = bcrypt.hash(PASSWORD).block();

        assertThat(bcrypt.verify(Password.normalise("x".repeat(100)), hash).block().matches()).isFalse();
    }
}
