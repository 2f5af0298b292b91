package dev.accounts.bootstrap;

import dev.accounts.adapters.security.idna.Uts46DomainNames;
import dev.accounts.adapters.security.password.HashingAlgorithm;
import dev.accounts.adapters.security.password.HashingExecutor;
import dev.accounts.adapters.security.password.PasswordWorkQueue;
import dev.accounts.adapters.security.password.SpringCryptoPasswordHasher;
import dev.accounts.adapters.security.password.ZxcvbnPasswordStrengthEstimator;
import dev.accounts.application.port.out.PasswordHasher;
import dev.accounts.application.port.out.PasswordStrengthEstimator;
import dev.accounts.bootstrap.observability.PasswordWorkMetrics;
import dev.accounts.bootstrap.throughput.HashingWarmUp;
import dev.accounts.bootstrap.throughput.PasswordWorkAdmission;
import dev.accounts.domain.credentials.PasswordPolicy;
import dev.accounts.domain.credentials.PasswordRules;
import dev.accounts.domain.user.EmailAddresses;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Duration;

/**
 * What every capability that takes a password or an email shares: the password rules, hashing and
 * strength estimation on their own threads, admission to that work, and how email addresses are read.
 */
@Configuration(proxyBeanMethods = false)
class CredentialsConfiguration {

    @Bean(destroyMethod = "close")
    HashingExecutor hashingExecutor(AccountsProperties properties) {
        AccountsProperties.Hashing hashing = properties.hashing();
        return new HashingExecutor(hashing.effectiveThreads(), hashing.effectiveConcurrency(), hashing.retryAfter());
    }

    @Bean(destroyMethod = "close")
    PasswordWorkQueue passwordWorkQueue(AccountsProperties properties, PasswordWorkMetrics metrics) {
        AccountsProperties.Hashing hashing = properties.hashing();
        // Until it has measured some, the queue guesses that a request holds its place for two hashes' time.
        PasswordWorkQueue queue = new PasswordWorkQueue(new PasswordWorkQueue.Policy(hashing.effectiveConcurrency(), hashing.maxWait(),
                hashing.maxSharePerClient(), hashing.refusalDelay(), hashing.retryAfter(), Duration.ofMillis(100)), metrics);
        metrics.watch(queue, hashing.effectiveConcurrency());
        return queue;
    }

    @Bean
    PasswordWorkAdmission passwordWorkAdmission(PasswordWorkQueue queue) {
        return new PasswordWorkAdmission(queue);
    }

    @Bean
    PasswordHasher passwordHasher(AccountsProperties properties, HashingExecutor hashingExecutor, PasswordWorkMetrics metrics) {
        HashingAlgorithm algorithm = HashingAlgorithm.valueOf(properties.hashing().algorithm().name());
        // Timed inside the gate, so that the time is the hash's, not the wait for a place.
        return PasswordWorkAdmission.gated(PasswordHasher.class, metrics.timed(new SpringCryptoPasswordHasher(algorithm, hashingExecutor)));
    }

    @Bean
    PasswordStrengthEstimator passwordStrengthEstimator(HashingExecutor hashingExecutor) {
        return PasswordWorkAdmission.gated(PasswordStrengthEstimator.class, new ZxcvbnPasswordStrengthEstimator(hashingExecutor));
    }

    @Bean
    HashingWarmUp hashingWarmUp(AccountsProperties properties, PasswordHasher hasher, PasswordStrengthEstimator strength) {
        return new HashingWarmUp(hasher, strength, properties.hashing().effectiveThreads(), properties.hashing().warmUp());
    }

    @Bean
    PasswordRules passwordRules(AccountsProperties properties, PasswordHasher hasher) {
        return new PasswordRules(PasswordPolicy.recommended()
                .withMinLength(properties.password().minLength())
                .withMaxUtf8Bytes(hasher.maxPasswordBytes()));
    }

    @Bean
    EmailAddresses emailAddresses() {
        return new EmailAddresses(new Uts46DomainNames());
    }
}
