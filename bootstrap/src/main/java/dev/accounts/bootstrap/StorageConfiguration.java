package dev.accounts.bootstrap;

import com.nimbusds.jose.jwk.ECKey;
import dev.accounts.adapters.persistence.DatabaseFailures;
import dev.accounts.adapters.persistence.R2dbcTransactions;
import dev.accounts.adapters.persistence.outbox.R2dbcOutbox;
import dev.accounts.adapters.persistence.token.R2dbcOneTimeTokens;
import dev.accounts.adapters.persistence.migration.InternationalisedEmailKeys;
import dev.accounts.adapters.persistence.session.R2dbcSessionRepository;
import dev.accounts.adapters.persistence.signin.R2dbcSignInThrottle;
import dev.accounts.adapters.persistence.user.R2dbcUserRepository;
import dev.accounts.adapters.security.token.SigningKeys;
import dev.accounts.application.port.out.OneTimeTokens;
import dev.accounts.application.port.out.Outbox;
import dev.accounts.application.port.out.SessionRepository;
import dev.accounts.application.port.out.SignInThrottle;
import dev.accounts.application.port.out.Transactions;
import dev.accounts.application.port.out.UserRepository;
import dev.accounts.bootstrap.throughput.PasswordWorkAdmission;
import dev.accounts.bootstrap.throughput.RememberingSessionRepository;
import dev.accounts.bootstrap.throughput.RememberingUserRepository;
import dev.accounts.domain.user.EmailAddresses;
import org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.ReactiveTransactionManager;

import java.time.Clock;
import java.time.Duration;

/**
 * Where users, sessions, sign-in failures, link tokens and the outbox are kept: the PostgreSQL adapters, each reporting an
 * unreachable database as retryable, behind what spares repeated queries and what admits password work.
 */
@Configuration(proxyBeanMethods = false)
class StorageConfiguration {

    /** Microseconds, as PostgreSQL stores them: an instant read back is the instant written. */
    @Bean
    Clock clock() {
        return Clock.tick(Clock.systemUTC(), Duration.ofNanos(1_000));
    }

    /** The one migration that needs Java: it reads stored addresses as the service does. */
    @Bean
    FlywayConfigurationCustomizer javaMigrations(EmailAddresses emails) {
        return flyway -> flyway.javaMigrations(new InternationalisedEmailKeys(emails));
    }

    /** Outermost the memory, so that a duplicate it knows is answered without waiting for a place. */
    @Bean
    UserRepository userRepository(DatabaseClient database, AccountsProperties properties) {
        UserRepository stored = DatabaseFailures.translating(UserRepository.class, new R2dbcUserRepository(database));
        return new RememberingUserRepository(PasswordWorkAdmission.gated(UserRepository.class, stored), 50_000,
                properties.registration().takenAddressMemory(), Duration.ofMinutes(1));
    }

    @Bean
    SessionRepository sessionRepository(DatabaseClient database, AccountsProperties properties) {
        SessionRepository stored = DatabaseFailures.translating(SessionRepository.class, new R2dbcSessionRepository(database));
        return new RememberingSessionRepository(stored, properties.sessions().activeCheckMemory());
    }

    @Bean
    OneTimeTokens oneTimeTokens(DatabaseClient database) {
        return DatabaseFailures.translating(OneTimeTokens.class, new R2dbcOneTimeTokens(database));
    }

    /** The secrets of waiting links are sealed under a key every instance derives alike from the signing key. */
    @Bean
    Outbox outbox(DatabaseClient database, ECKey accessTokenSigningKey) {
        byte[] tokenKey = SigningKeys.derivedSecret(accessTokenSigningKey, "accounts outbox token key");
        return DatabaseFailures.translating(Outbox.class, new R2dbcOutbox(database, tokenKey));
    }

    @Bean
    Transactions transactions(ReactiveTransactionManager transactionManager) {
        return DatabaseFailures.translating(Transactions.class, new R2dbcTransactions(transactionManager));
    }

    @Bean
    SignInThrottle signInThrottle(DatabaseClient database) {
        SignInThrottle stored = DatabaseFailures.translating(SignInThrottle.class, new R2dbcSignInThrottle(database));
        return PasswordWorkAdmission.gated(SignInThrottle.class, stored);
    }
}
