package dev.accounts.adapters.persistence;

import dev.accounts.adapters.persistence.outbox.R2dbcOutbox;
import dev.accounts.adapters.persistence.session.R2dbcSessionRepository;
import dev.accounts.adapters.persistence.signin.R2dbcSignInThrottle;
import dev.accounts.adapters.persistence.testing.TokenKeys;
import dev.accounts.adapters.persistence.token.R2dbcOneTimeTokens;
import dev.accounts.adapters.persistence.user.R2dbcUserRepository;
import dev.accounts.application.port.out.OneTimeTokens;
import dev.accounts.application.port.out.Outbox;
import dev.accounts.application.port.out.SessionRepository;
import dev.accounts.application.port.out.SignInThrottle;
import dev.accounts.application.port.out.TemporarilyUnavailableException;
import dev.accounts.application.port.out.Transactions;
import dev.accounts.application.port.out.UserRepository;
import dev.accounts.domain.messages.AccountMessage;
import dev.accounts.domain.session.SessionId;
import dev.accounts.domain.testing.Emails;
import dev.accounts.domain.token.SecretToken;
import dev.accounts.domain.user.UserId;
import io.r2dbc.spi.ConnectionFactories;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.ConnectionFactoryOptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.r2dbc.connection.R2dbcTransactionManager;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** Every adapter, handed out through {@link DatabaseFailures#translating}, reports a database out of reach as retryable. */
class DatabaseFailuresIT {

    private static ConnectionFactory unreachable;

    @BeforeAll
    static void aDatabaseThatIsNotThere() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        unreachable = ConnectionFactories.get(ConnectionFactoryOptions.parse("r2dbc:postgresql://127.0.0.1:" + closedPort + "/postgres")
                .mutate().option(ConnectionFactoryOptions.USER, "postgres")
                .option(ConnectionFactoryOptions.CONNECT_TIMEOUT, Duration.ofSeconds(2)).build());
    }

    @Test
    void reportsAnUnreachableDatabaseAsTemporarilyUnavailableFromEveryAdapter() {
        DatabaseClient database = DatabaseClient.create(unreachable);
        UserRepository users = DatabaseFailures.translating(UserRepository.class, new R2dbcUserRepository(database));
        SessionRepository sessions = DatabaseFailures.translating(SessionRepository.class, new R2dbcSessionRepository(database));
        SignInThrottle throttle = DatabaseFailures.translating(SignInThrottle.class, new R2dbcSignInThrottle(database));
        OneTimeTokens tokens = DatabaseFailures.translating(OneTimeTokens.class, new R2dbcOneTimeTokens(database));
        Outbox outbox = DatabaseFailures.translating(Outbox.class, new R2dbcOutbox(database, TokenKeys.anyKey()));
        Transactions transactions = DatabaseFailures.translating(Transactions.class, new R2dbcTransactions(new R2dbcTransactionManager(unreachable)));

        expectUnavailable(users.existsByEmail(Emails.email("someone@example.com")));
        expectUnavailable(sessions.findById(SessionId.random()));
        expectUnavailable(throttle.recordFailure("someone@example.com", Instant.now()));
        expectUnavailable(tokens.find(SecretToken.random().hash()));
        expectUnavailable(outbox.countSent(Emails.email("a@example.com"), AccountMessage.Kind.VERIFY_EMAIL, Instant.now()));
        expectUnavailable(transactions.atomically(() -> Mono.just("work")));
    }

    /** A port of the shape the adapters implement. */
    interface Lookup {
        Mono<String> find(Throwable failure);
    }

    @Test
    void leavesOtherFailuresAloneAndAnswersObjectMethodsItself() {
        Lookup lookup = DatabaseFailures.translating(Lookup.class, Mono::error);

        StepVerifier.create(lookup.find(new IllegalStateException("a bug"))).expectError(IllegalStateException.class).verify();
        expectUnavailable(lookup.find(new IOException("connection reset")));
        assertThat(lookup).isEqualTo(lookup).hasSameHashCodeAs(lookup);
        assertThat(lookup.toString()).startsWith("Lookup[");
    }

    private static void expectUnavailable(Mono<?> answer) {
        StepVerifier.create(answer).expectError(TemporarilyUnavailableException.class).verify(Duration.ofSeconds(10));
    }
}
