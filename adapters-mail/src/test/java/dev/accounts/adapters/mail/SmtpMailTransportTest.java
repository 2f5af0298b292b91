package dev.accounts.adapters.mail;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import dev.accounts.domain.messages.AccountMessage;
import dev.accounts.domain.messages.AccountMessage.PasswordChanged;
import dev.accounts.domain.messages.AccountMessage.VerifyEmail;
import dev.accounts.domain.token.SecretToken;
import dev.accounts.domain.user.UserId;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.mail.MailException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import static dev.accounts.domain.testing.Emails.email;
import static org.assertj.core.api.Assertions.assertThat;

class SmtpMailTransportTest {

    // A fixed port, so that the server comes back where the sender looks for it after a restart.
    private static final int PORT = freePort();

    @RegisterExtension
    static final GreenMailExtension smtp = new GreenMailExtension(new ServerSetup(PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));

    private final List<String> sendingThreads = new CopyOnWriteArrayList<>();
    private final Scheduler mailScheduler = Schedulers.newBoundedElastic(2, 16, "mail-test");
    private final SmtpMailTransport transport = new SmtpMailTransport(
            threadRecordingSender(), new MessageWriter("http://localhost:8080"), "Accounts <no-reply@accounts.example>", mailScheduler);

    @AfterEach
    void disposeScheduler() {
        mailScheduler.dispose();
    }

    @Test
    void sendsTextAndHtmlAsAlternativesInUtf8() throws Exception {
        SecretToken token = SecretToken.random();

        StepVerifier.create(transport.send(UUID.randomUUID(), new VerifyEmail(UserId.random(), email("zoe@example.com"), "Zoë", token)))
                .verifyComplete();

        MimeMessage received = onlyReceived();
        assertThat(received.getFrom()).containsExactly(new InternetAddress("no-reply@accounts.example", "Accounts"));
        assertThat(received.getRecipients(Message.RecipientType.TO)).containsExactly(new InternetAddress("zoe@example.com"));
        assertThat(received.getSubject()).isEqualTo("Confirm your email address");
        assertThat(received.getContentType()).startsWith("multipart/alternative");
        MimeMultipart alternatives = (MimeMultipart) received.getContent();
        assertThat(alternatives.getCount()).isEqualTo(2);
        assertThat(alternatives.getBodyPart(0).getContentType()).isEqualToIgnoringCase("text/plain; charset=UTF-8");
        String text = (String) alternatives.getBodyPart(0).getContent();
        assertThat(text).startsWith("Hello Zoë,");
        assertThat(MessageWriterTest.linksIn(text)).containsExactly("http://localhost:8080/verify-email?token=" + token.value());
        assertThat(alternatives.getBodyPart(1).getContentType()).isEqualToIgnoringCase("text/html; charset=UTF-8");
        assertThat((String) alternatives.getBodyPart(1).getContent())
                .contains("<p>Hello Zoë,</p>")
                .contains("<a href=\"http://localhost:8080/verify-email?token=" + token.value() + "\">");
    }

    @Test
    void givesEveryAttemptAtOneMessageTheSameMessageId() throws Exception {
        UUID id = UUID.randomUUID();
        UUID another = UUID.randomUUID();

        transport.send(id, passwordChanged()).block();
        transport.send(id, passwordChanged()).block();
        transport.send(another, passwordChanged()).block();

        MimeMessage[] received = smtp.getReceivedMessages();
        assertThat(received).hasSize(3);
        assertThat(received[0].getMessageID()).isEqualTo("<" + id + "@accounts.example>");
        assertThat(received[1].getMessageID()).isEqualTo("<" + id + "@accounts.example>");
        assertThat(received[2].getMessageID()).isEqualTo("<" + another + "@accounts.example>");
        assertThat(received[0].getHeader("X-Accounts-Message-Id")).containsExactly(id.toString());
        assertThat(received[2].getHeader("X-Accounts-Message-Id")).containsExactly(another.toString());
    }

    @Test
    void failsWhileTheServerIsDownAndSendsOnceItIsBack() throws Exception {
        UUID id = UUID.randomUUID();
        smtp.stop();

        StepVerifier.create(transport.send(id, passwordChanged())).verifyError(MailException.class);

        smtp.start();
        StepVerifier.create(transport.send(id, passwordChanged())).verifyComplete();
        assertThat(onlyReceived().getMessageID()).isEqualTo("<" + id + "@accounts.example>");
    }

    @Test
    void routesAnInternationalisedDomainByItsAsciiForm() throws Exception {
        transport.send(UUID.randomUUID(), new PasswordChanged(UserId.random(), email("Zoe@Bücher.example"), "Zoë")).block();

        assertThat(onlyReceived().getRecipients(Message.RecipientType.TO))
                .containsExactly(new InternetAddress("Zoe@xn--bcher-kva.example"));
    }

    @Test
    void talksToTheServerOnTheGivenSchedulerOnly() {
        transport.send(UUID.randomUUID(), passwordChanged()).block();

        assertThat(sendingThreads).singleElement().asString().startsWith("mail-test");
    }

    private static AccountMessage passwordChanged() {
        return new PasswordChanged(UserId.random(), email("ada@example.com"), "Ada");
    }

    private static MimeMessage onlyReceived() {
        MimeMessage[] received = smtp.getReceivedMessages();
        assertThat(received).hasSize(1);
        return received[0];
    }

    private JavaMailSenderImpl threadRecordingSender() {
        JavaMailSenderImpl sender = new JavaMailSenderImpl() {
            @Override
            protected void doSend(MimeMessage[] mimeMessages, Object[] originalMessages) {
                sendingThreads.add(Thread.currentThread().getName());
                super.doSend(mimeMessages, originalMessages);
            }
        };
        sender.setHost("127.0.0.1");
        sender.setPort(PORT);
        Properties timeouts = new Properties();
        timeouts.setProperty("mail.smtp.connectiontimeout", "2000");
        timeouts.setProperty("mail.smtp.timeout", "2000");
        timeouts.setProperty("mail.smtp.writetimeout", "2000");
        sender.setJavaMailProperties(timeouts);
        return sender;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException impossible) {
            throw new UncheckedIOException(impossible);
        }
    }

    @Test
    void logsARefusalByItsKindAndReplyCodeNeverByTheAddressTheServerQuotes() {
        MessagingException rejected = new MessagingException("550 5.1.1 <ada@example.com> Recipient address rejected: User unknown");
        SendFailedException invalid = new SendFailedException("Invalid Addresses", rejected);
        MailSendException failure = new MailSendException(Map.of(new Object(), invalid));

        String logged = SmtpMailTransport.withoutAddresses(failure);

        assertThat(logged).isEqualTo("MailSendException <- SendFailedException <- MessagingException 550")
                .doesNotContain("ada@example.com").doesNotContain("\n");
    }
}
