package dev.accounts.adapters.persistence.outbox;

import dev.accounts.adapters.persistence.testing.MigratedTestDatabase;
import dev.accounts.adapters.persistence.testing.StoredUsers;
import dev.accounts.adapters.persistence.testing.TokenKeys;
import dev.accounts.application.port.out.Outbox;
import dev.accounts.application.port.out.Outbox.Pending;
import dev.accounts.application.testing.OutboxContract;
import dev.accounts.domain.messages.AccountMessage;
import dev.accounts.domain.testing.Emails;
import dev.accounts.domain.token.SecretToken;
import dev.accounts.domain.user.EmailAddress;
import dev.accounts.domain.user.UserId;
import org.assertj.core.api.recursive.comparison.RecursiveComparisonConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.r2dbc.core.DatabaseClient;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class R2dbcOutboxIT extends OutboxContract {

    /** A reset and a notice with the same fields are different messages. */
    private static final RecursiveComparisonConfiguration SAME_TYPES_AND_FIELDS =
            RecursiveComparisonConfiguration.builder().withStrictTypeChecking(true).build();

    private final DatabaseClient database = DatabaseClient.create(MigratedTestDatabase.connectionFactory());
    private final R2dbcOutbox outbox = new R2dbcOutbox(database, TokenKeys.anyKey());

    @Override
    protected Outbox outbox() {
        return outbox;
    }

    @Override
    protected UserId existingUser() {
        return StoredUsers.anyStoredUser();
    }

    @Test
    void rebuildsEveryKindOfMessageAsItWasEnqueued() {
        UserId user = existingUser();
        EmailAddress to = Emails.email("Zoe.Renard@Exämple.com");
        List<AccountMessage> messages = List.of(
                new AccountMessage.VerifyEmail(user, to, "Zoë", SecretToken.random()),
                new AccountMessage.ResetPassword(user, to, null, SecretToken.random()),
                new AccountMessage.SignUpAttempted(user, to, "Zoë"),
                new AccountMessage.PasswordChanged(user, to, null));
        messages.forEach(message -> outbox.enqueue(message, NOW).block());

        List<Pending> mine = claimedOf(user, NOW.plusSeconds(1));

        assertThat(mine).extracting(Pending::message).usingRecursiveFieldByFieldElementComparator(SAME_TYPES_AND_FIELDS)
                .containsExactlyInAnyOrderElementsOf(messages);
        assertThat(mine).extracting(Pending::createdAt).containsOnly(NOW);
    }

    @Test
    void storesTheTokenOfALinkSealedNeverAsItsText() {
        UserId user = existingUser();
        SecretToken token = SecretToken.random();

        outbox.enqueue(new AccountMessage.ResetPassword(user, Emails.email("ada@example.com"), "Ada", token), NOW).block();

        byte[] sealed = database.sql("SELECT sealed_token FROM outbox_messages WHERE user_id = :user")
                .bind("user", user.value()).map(row -> row.get("sealed_token", byte[].class)).one().block();
        assertThat(sealed).isNotEmpty();
        assertThat(new String(sealed, StandardCharsets.ISO_8859_1)).doesNotContain(token.value());
    }

    @Test
    void abandonsAMessageWhoseSealedTokenWasCopiedFromAnother() {
        UserId user = existingUser();
        AccountMessage verification = new AccountMessage.VerifyEmail(user, Emails.email("ada@example.com"), "Ada", SecretToken.random());
        outbox.enqueue(verification, NOW)
                .then(outbox.enqueue(new AccountMessage.ResetPassword(user, Emails.email("ada@example.com"), "Ada", SecretToken.random()), NOW))
                .block();
        database.sql("""
                        UPDATE outbox_messages SET sealed_token = (
                            SELECT sealed_token FROM outbox_messages WHERE user_id = :user AND kind = 'VERIFY_EMAIL')
                        WHERE user_id = :user AND kind = 'RESET_PASSWORD'""")
                .bind("user", user.value()).then().block();

        List<Pending> mine = claimedOf(user, NOW.plusSeconds(1));

        assertThat(mine).extracting(Pending::message).usingRecursiveFieldByFieldElementComparator(SAME_TYPES_AND_FIELDS).containsExactly(verification);
        Instant abandonedAt = database.sql("SELECT abandoned_at FROM outbox_messages WHERE user_id = :user AND kind = 'RESET_PASSWORD'")
                .bind("user", user.value()).map(row -> row.get("abandoned_at", Instant.class)).one().block();
        assertThat(abandonedAt).isEqualTo(NOW.plusSeconds(1));
    }

    private List<Pending> claimedOf(UserId user, Instant now) {
        return outbox.claimDue(1000, now, Duration.ofSeconds(30)).filter(pending -> pending.message().user().equals(user))
                .collectList().block();
    }
}
