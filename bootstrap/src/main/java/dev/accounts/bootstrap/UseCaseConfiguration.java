package dev.accounts.bootstrap;

import dev.accounts.adapters.persistence.migration.InternationalisedEmailKeys;
import dev.accounts.adapters.persistence.user.R2dbcUserRepository;
import dev.accounts.adapters.security.idna.Uts46DomainNames;
import dev.accounts.adapters.security.password.HashingExecutor;
import dev.accounts.adapters.security.password.PasswordWorkQueue;
import dev.accounts.adapters.security.password.SpringCryptoPasswordHasher;
import dev.accounts.adapters.security.password.ZxcvbnPasswordStrengthEstimator;
import dev.accounts.application.port.in.RegisterUserUseCase;
import dev.accounts.application.port.out.PasswordHasher;
import dev.accounts.application.port.out.PasswordStrengthEstimator;
import dev.accounts.application.port.out.PasswordWorkCapacity;
import dev.accounts.application.port.out.UserRepository;
import dev.accounts.application.service.RegisterUserService;
import dev.accounts.domain.registration.PasswordPolicy;
import dev.accounts.domain.registration.RegistrationRules;
import dev.accounts.domain.user.EmailAddresses;
import org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.r2dbc.core.R2dbcEntityTemplate;

import java.time.Clock;
import java.time.Duration;

/** Wires the use cases to their adapters: the one place that knows every ring. */
@Configuration(proxyBeanMethods = false)
class UseCaseConfiguration {

    /** Microseconds, as PostgreSQL stores them: an instant read back is the instant written. */
    @Bean
    Clock clock() {
        return Clock.tick(Clock.systemUTC(), Duration.ofNanos(1_000));
    }

    @Bean(destroyMethod = "close")
    HashingExecutor hashingExecutor(AccountsProperties properties) {
        AccountsProperties.Hashing hashing = properties.hashing();
        return new HashingExecutor(hashing.effectiveThreads(), hashing.effectiveConcurrency(), hashing.retryAfter());
    }

    @Bean(destroyMethod = "close")
    PasswordWorkQueue passwordWorkQueue(AccountsProperties properties) {
        AccountsProperties.Hashing hashing = properties.hashing();
        // Until it has measured some, the queue guesses that a request holds its place for two hashes' time.
        return new PasswordWorkQueue(new PasswordWorkQueue.Policy(hashing.effectiveConcurrency(), hashing.maxWait(),
                hashing.maxSharePerClient(), hashing.refusalDelay(), hashing.retryAfter(), Duration.ofMillis(100)));
    }

    @Bean
    PasswordHasher passwordHasher(AccountsProperties properties, HashingExecutor hashingExecutor) {
        return new SpringCryptoPasswordHasher(properties.hashing().algorithm(), hashingExecutor);
    }

    @Bean
    PasswordStrengthEstimator passwordStrengthEstimator(HashingExecutor hashingExecutor) {
        return new ZxcvbnPasswordStrengthEstimator(hashingExecutor);
    }

    @Bean
    UserRepository userRepository(R2dbcEntityTemplate template) {
        return new R2dbcUserRepository(template);
    }

    @Bean
    EmailAddresses emailAddresses() {
        return new EmailAddresses(new Uts46DomainNames());
    }

    /** The one migration that needs Java: it reads stored addresses as the service does. */
    @Bean
    FlywayConfigurationCustomizer javaMigrations(EmailAddresses emails) {
        return flyway -> flyway.javaMigrations(new InternationalisedEmailKeys(emails));
    }

    @Bean
    RegistrationRules registrationRules(AccountsProperties properties, PasswordHasher hasher, EmailAddresses emails) {
        return new RegistrationRules(PasswordPolicy.recommended()
                .withMinLength(properties.password().minLength())
                .withMaxUtf8Bytes(hasher.maxPasswordBytes()), emails);
    }

    @Bean
    RegisterUserUseCase registerUserUseCase(RegistrationRules rules, UserRepository users, PasswordHasher hasher,
                                            PasswordStrengthEstimator strengthEstimator, PasswordWorkCapacity capacity, Clock clock) {
        return new RegisterUserService(rules, users, hasher, strengthEstimator, capacity, clock);
    }
}
