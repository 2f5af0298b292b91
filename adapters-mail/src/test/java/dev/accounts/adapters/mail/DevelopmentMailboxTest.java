package dev.accounts.adapters.mail;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.accounts.adapters.mail.DevelopmentMailbox.Mail;
import dev.accounts.domain.messages.AccountMessage.PasswordChanged;
import dev.accounts.domain.messages.AccountMessage.ResetPassword;
import dev.accounts.domain.messages.AccountMessage.SignUpAttempted;
import dev.accounts.domain.messages.AccountMessage.VerifyEmail;
import dev.accounts.domain.token.SecretToken;
import dev.accounts.domain.user.UserId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

import static dev.accounts.domain.testing.Emails.email;
import static org.assertj.core.api.Assertions.assertThat;

class DevelopmentMailboxTest {

    private static final Instant NOW = Instant.parse("2026-03-01T09:30:00Z");

    private final MessageWriter writer = new MessageWriter("http://localhost:8080");
    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    private final Logger mailboxLog = (Logger) LoggerFactory.getLogger(DevelopmentMailbox.class);
    private final ListAppender<ILoggingEvent> logged = new ListAppender<>();

    @AfterEach
    void detachLog() {
        mailboxLog.detachAppender(logged);
    }

    @Test
    void keepsTheNewestMessagesUpToItsCapacity() {
        DevelopmentMailbox mailbox = new DevelopmentMailbox(writer, 3, clock);
        List<UUID> ids = IntStream.range(0, 5).mapToObj(i -> UUID.randomUUID()).toList();

        ids.forEach(id -> mailbox.send(id, passwordChangedFor("ada@example.com")).block());

        assertThat(mailbox.messages()).extracting(Mail::id).containsExactly(ids.get(4), ids.get(3), ids.get(2));
    }

    @Test
    void keepsWhatTheMessageWouldHaveSaidAndWhen() {
        DevelopmentMailbox mailbox = new DevelopmentMailbox(writer, 10, clock);
        SecretToken token = SecretToken.random();
        UUID id = UUID.randomUUID();
        VerifyEmail message = new VerifyEmail(UserId.random(), email("Ada@Example.com"), "Ada", token);

        mailbox.send(id, message).block();

        Mail mail = mailbox.messages().getFirst();
        Letter letter = writer.write(message);
        assertThat(mail.id()).isEqualTo(id);
        assertThat(mail.to()).isEqualTo("Ada@Example.com");
        assertThat(mail.subject()).isEqualTo(letter.subject());
        assertThat(mail.text()).isEqualTo(letter.text());
        assertThat(mail.html()).isEqualTo(letter.html());
        assertThat(mail.sentAt()).isEqualTo(NOW);
        assertThat(mail.links()).containsExactly("http://localhost:8080/verify-email?token=" + token.value());
        assertThat(mail.token()).contains(token.value());
        assertThat(mail.toString()).doesNotContain(token.value());
    }

    @Test
    void findsNoTokenInAMessageWhoseLinksHaveNone() {
        DevelopmentMailbox mailbox = new DevelopmentMailbox(writer, 10, clock);

        mailbox.send(UUID.randomUUID(), new SignUpAttempted(UserId.random(), email("ada@example.com"), "Ada")).block();

        Mail mail = mailbox.messages().getFirst();
        assertThat(mail.links()).containsExactly("http://localhost:8080", "http://localhost:8080/reset-password");
        assertThat(mail.token()).isEmpty();
    }

    @Test
    void findsOneAddressesMessagesInAnyCase() {
        DevelopmentMailbox mailbox = new DevelopmentMailbox(writer, 10, clock);
        UUID forZoe = UUID.randomUUID();
        UUID forAda = UUID.randomUUID();
        UUID laterForZoe = UUID.randomUUID();

        mailbox.send(forZoe, passwordChangedFor("Zoe@Example.com")).block();
        mailbox.send(forAda, passwordChangedFor("ada@example.com")).block();
        mailbox.send(laterForZoe, passwordChangedFor("zoe@example.com")).block();

        assertThat(mailbox.messagesTo(" ZOE@example.COM ")).extracting(Mail::id).containsExactly(laterForZoe, forZoe);
        assertThat(mailbox.messagesTo("nobody@example.com")).isEmpty();
    }

    @Test
    void logsOneLineThatPointsToTheMailboxAndHoldsNoToken() {
        logged.start();
        mailboxLog.addAppender(logged);
        DevelopmentMailbox mailbox = new DevelopmentMailbox(writer, 10, clock);
        SecretToken token = SecretToken.random();

        mailbox.send(UUID.randomUUID(), new ResetPassword(UserId.random(), email("ada@example.com"), "Ada", token)).block();

        assertThat(logged.list).singleElement().satisfies(event -> {
            assertThat(event.getLevel()).isEqualTo(Level.INFO);
            assertThat(event.getFormattedMessage()).isEqualTo("Development mailbox: message 'Reset your password' for ada@example.com"
                    + " is at http://localhost:8080/dev/mail (not sent: no SMTP server configured)");
        });
    }

    @Test
    void keepsItsCapacityUnderConcurrentSends() {
        DevelopmentMailbox mailbox = new DevelopmentMailbox(writer, 50, clock);

        Flux.range(0, 400)
                .flatMap(i -> mailbox.send(UUID.randomUUID(), passwordChangedFor("ada@example.com")).subscribeOn(Schedulers.parallel()))
                .blockLast();

        assertThat(mailbox.messages()).hasSize(50).doesNotHaveDuplicates();
    }

    private static PasswordChanged passwordChangedFor(String address) {
        return new PasswordChanged(UserId.random(), email(address), "Ada");
    }
}
