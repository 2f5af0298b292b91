package dev.accounts.application.service;

import dev.accounts.application.testing.Accounts;
import dev.accounts.domain.messages.AccountMessage.VerifyEmail;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class DeliverMailServiceTest {

    private final Accounts accounts = new Accounts();

    @Test
    void sendsEachMessageOnceWithItsOutboxId() {
        accounts.register("ada@example.com");
        accounts.register("grace@example.com");

        assertThat(accounts.deliverMail.deliverDue().block()).isEqualTo(2);
        assertThat(accounts.deliverMail.deliverDue().block()).isZero();

        assertThat(accounts.mail.sent()).hasSize(2);
        assertThat(accounts.mail.sent()).extracting(sent -> sent.id()).doesNotHaveDuplicates();
        assertThat(accounts.outbox.waiting()).isZero();
    }

    @Test
    void aServerThatIsDownDelaysMessagesWithBackOffAndLosesNone() {
        accounts.register("ada@example.com");
        accounts.register("grace@example.com");
        accounts.mail.down(true);

        accounts.deliverMail.deliverDue().block();
        assertThat(accounts.mail.attempts()).as("the round stops trying after the first failure").isEqualTo(1);

        accounts.deliverMail.deliverDue().block();
        assertThat(accounts.mail.attempts()).as("nothing is due before the back-off").isEqualTo(1);

        accounts.clock.advance(Duration.ofSeconds(5));
        accounts.deliverMail.deliverDue().block();
        assertThat(accounts.mail.attempts()).isEqualTo(2);

        accounts.mail.down(false);
        accounts.clock.advance(Duration.ofSeconds(10));
        accounts.deliverMail.deliverDue().block();

        assertThat(accounts.mail.sentTo("ada@example.com", VerifyEmail.class)).hasSize(1);
        assertThat(accounts.mail.sentTo("grace@example.com", VerifyEmail.class)).hasSize(1);
        assertThat(accounts.outbox.waiting()).isZero();
    }

    @Test
    void givesUpOnAMessageTwoDaysOld() {
        accounts.register("ada@example.com");
        accounts.mail.down(true);
        accounts.deliverMail.deliverDue().block();

        accounts.clock.advance(Duration.ofDays(2));
        accounts.deliverMail.deliverDue().block();

        assertThat(accounts.outbox.waiting()).isZero();
        accounts.mail.down(false);
        accounts.clock.advance(Duration.ofHours(1));
        accounts.deliverMail.deliverDue().block();
        assertThat(accounts.mail.sent()).isEmpty();
    }
}
