package dev.accounts.adapters.persistence.outbox;

import dev.accounts.application.port.out.Outbox;
import dev.accounts.domain.messages.AccountMessage;
import dev.accounts.domain.messages.AccountMessage.PasswordChanged;
import dev.accounts.domain.messages.AccountMessage.ResetPassword;
import dev.accounts.domain.messages.AccountMessage.SignUpAttempted;
import dev.accounts.domain.messages.AccountMessage.VerifyEmail;
import dev.accounts.domain.token.SecretToken;
import dev.accounts.domain.user.EmailAddress;
import dev.accounts.domain.user.UserId;
import io.r2dbc.spi.Parameter;
import io.r2dbc.spi.Parameters;
import io.r2dbc.spi.Readable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;

/**
 * The outbox in PostgreSQL. Claims are one statement that skips rows another claimant has locked, so
 * instances share the outbox without waiting on each other or claiming one message twice.
 */
public final class R2dbcOutbox implements Outbox {

    private static final Logger log = LoggerFactory.getLogger(R2dbcOutbox.class);

    private final DatabaseClient database;
    private final TokenSeal seal;

    /** @param tokenKey the AES-256 key, 32 bytes, that seals the tokens of mailed links while they wait */
    public R2dbcOutbox(DatabaseClient database, byte[] tokenKey) {
        this.database = database;
        this.seal = new TokenSeal(tokenKey);
    }

    @Override
    public Mono<Void> enqueue(AccountMessage message, Instant now) {
        return Mono.defer(() -> {
            UUID id = UUID.randomUUID();
            byte[] sealedToken = tokenOf(message).map(token -> seal.seal(token, id)).orElse(null);
            return database.sql("""
                            INSERT INTO outbox_messages (message_id, user_id, kind, recipient, recipient_key, recipient_digest, first_name,
                                                         sealed_token, created_at, due_at)
                            VALUES (:id, :user, :kind, :recipient, :recipientKey, :recipientDigest, :firstName, :sealedToken, :now, :now)""")
                    .bind("id", id)
                    .bind("user", message.user().value())
                    .bind("kind", message.kind().name())
                    .bind("recipient", message.to().value())
                    .bind("recipientKey", message.to().key())
                    .bind("recipientDigest", digestOf(message.to()))
                    .bind("firstName", valueOrNull(message.firstName(), String.class))
                    .bind("sealedToken", valueOrNull(sealedToken, byte[].class))
                    .bind("now", now)
                    .then();
        });
    }

    @Override
    public Mono<Long> countSent(EmailAddress to, AccountMessage.Kind kind, Instant since) {
        return database.sql("""
                        SELECT count(*) AS enqueued FROM outbox_messages
                        WHERE recipient_digest = :recipientDigest AND kind = :kind AND created_at >= :since""")
                .bind("recipientDigest", digestOf(to))
                .bind("kind", kind.name())
                .bind("since", since)
                .map(row -> row.get("enqueued", Long.class))
                .one();
    }

    @Override
    public Flux<Pending> claimDue(int max, Instant now, Duration lease) {
        return database.sql("""
                        UPDATE outbox_messages SET claimed_until = :claimedUntil
                        WHERE message_id IN (
                            SELECT message_id FROM outbox_messages
                            WHERE delivered_at IS NULL AND abandoned_at IS NULL AND due_at <= :now
                              AND (claimed_until IS NULL OR claimed_until <= :now)
                            ORDER BY due_at, enqueued
                            LIMIT :max
                            FOR UPDATE SKIP LOCKED)
                        RETURNING enqueued, message_id, user_id, kind, recipient, recipient_key, first_name, sealed_token, attempts, created_at""")
                .bind("claimedUntil", now.plus(lease))
                .bind("now", now)
                .bind("max", max)
                .map(ClaimedRow::of)
                .all()
                // RETURNING keeps no order; a batch goes out in the order it was enqueued, so a newer link arrives last.
                .sort(Comparator.comparingLong(ClaimedRow::enqueued))
                .concatMap(row -> row.toMessage(seal)
                        .map(message -> Mono.just(new Pending(row.id(), message, row.attempts(), row.createdAt())))
                        .orElseGet(() -> abandonUnreadable(row.id(), now)));
    }

    /**
     * A message whose account is gone, or whose token no longer opens (the row was altered, or the key
     * changed), can never be mailed: giving up on it keeps it from being claimed, and failing, again and again.
     */
    private Mono<Pending> abandonUnreadable(UUID id, Instant now) {
        log.warn("outbox message {} is abandoned: its account is gone or its sealed token does not open under this key", id);
        return abandoned(id, now).then(Mono.empty());
    }

    @Override
    public Mono<Void> delivered(UUID id, Instant at) {
        return database.sql("UPDATE outbox_messages SET delivered_at = :at, claimed_until = NULL WHERE message_id = :id")
                .bind("id", id)
                .bind("at", at)
                .then();
    }

    @Override
    public Mono<Void> retryAt(UUID id, int attempts, Instant at) {
        return database.sql("UPDATE outbox_messages SET due_at = :at, attempts = :attempts, claimed_until = NULL WHERE message_id = :id")
                .bind("id", id)
                .bind("at", at)
                .bind("attempts", attempts)
                .then();
    }

    @Override
    public Mono<Void> abandoned(UUID id, Instant at) {
        return database.sql("UPDATE outbox_messages SET abandoned_at = :at, claimed_until = NULL WHERE message_id = :id")
                .bind("id", id)
                .bind("at", at)
                .then();
    }

    @Override
    public Mono<Void> forget(UserId user) {
        return database.sql("DELETE FROM outbox_messages WHERE user_id = :user AND delivered_at IS NULL")
                .bind("user", user.value())
                .then()
                .then(database.sql("""
                                UPDATE outbox_messages SET user_id = NULL, recipient = '', recipient_key = '', first_name = NULL, sealed_token = NULL
                                WHERE user_id = :user""")
                        .bind("user", user.value())
                        .then());
    }

    /** An address's stand-in once the address is forgotten; hex SHA-256 of its key, so every spelling counts alike. */
    private static String digestOf(EmailAddress address) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(address.key().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("every JDK has SHA-256", impossible);
        }
    }

    @Override
    public Mono<Long> forgetSettledBefore(Instant before) {
        return database.sql("DELETE FROM outbox_messages WHERE delivered_at < :before OR abandoned_at < :before")
                .bind("before", before)
                .fetch().rowsUpdated();
    }

    /** Answered from the partial index of messages still to be sent, however many settled ones are kept. */
    @Override
    public Mono<Backlog> backlog() {
        return database.sql("""
                        SELECT count(*) AS messages, min(created_at) AS oldest FROM outbox_messages
                        WHERE delivered_at IS NULL AND abandoned_at IS NULL""")
                .map(row -> new Backlog(row.get("messages", Long.class), Optional.ofNullable(row.get("oldest", Instant.class))))
                .one();
    }

    /** A typed null where the value is absent: PostgreSQL has to know the type of every parameter. */
    private static Parameter valueOrNull(Object value, Class<?> type) {
        return value == null ? Parameters.in(type) : Parameters.in(value);
    }

    private static Optional<SecretToken> tokenOf(AccountMessage message) {
        return switch (message) {
            case VerifyEmail verify -> Optional.of(verify.token());
            case ResetPassword reset -> Optional.of(reset.token());
            case SignUpAttempted attempted -> Optional.empty();
            case PasswordChanged changed -> Optional.empty();
        };
    }

    /** A claimed row, read before its token is opened, which may fail; {@code user} is null once the account is deleted. */
    private record ClaimedRow(long enqueued, UUID id, UserId user, AccountMessage.Kind kind, EmailAddress to, String firstName,
                              byte[] sealedToken, int attempts, Instant createdAt) {

        static ClaimedRow of(Readable row) {
            UUID user = row.get("user_id", UUID.class);
            return new ClaimedRow(row.get("enqueued", Long.class), row.get("message_id", UUID.class), user == null ? null : new UserId(user),
                    AccountMessage.Kind.valueOf(row.get("kind", String.class)),
                    new EmailAddress(row.get("recipient", String.class), row.get("recipient_key", String.class)),
                    row.get("first_name", String.class), row.get("sealed_token", byte[].class), row.get("attempts", Integer.class),
                    row.get("created_at", Instant.class));
        }

        /** Empty when its account is gone (deleted other than through the outbox), or its token's seal does not open. */
        Optional<AccountMessage> toMessage(TokenSeal seal) {
            if (user == null) {
                return Optional.empty();
            }
            return switch (kind) {
                case VERIFY_EMAIL -> openedToken(seal).map(token -> new VerifyEmail(user, to, firstName, token));
                case RESET_PASSWORD -> openedToken(seal).map(token -> new ResetPassword(user, to, firstName, token));
                case SIGN_UP_ATTEMPTED -> Optional.of(new SignUpAttempted(user, to, firstName));
                case PASSWORD_CHANGED -> Optional.of(new PasswordChanged(user, to, firstName));
            };
        }

        private Optional<SecretToken> openedToken(TokenSeal seal) {
            return sealedToken == null ? Optional.empty() : seal.open(sealedToken, id);
        }
    }
}
