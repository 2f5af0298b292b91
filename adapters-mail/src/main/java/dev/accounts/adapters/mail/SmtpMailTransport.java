package dev.accounts.adapters.mail;

import dev.accounts.application.port.out.MailTransport;
import dev.accounts.domain.messages.AccountMessage;
import dev.accounts.domain.user.EmailAddress;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;

import java.net.IDN;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Objects;
import java.util.Set;
import java.util.StringJoiner;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Sends account messages over SMTP through Spring's {@link JavaMailSender}: plain text and HTML as
 * multipart/alternative, in UTF-8. Every attempt at one message carries the same Message-ID, so a
 * receiver can drop the repeat that a retry after a lost answer delivers.
 */
public final class SmtpMailTransport implements MailTransport {

    private static final Logger log = LoggerFactory.getLogger(SmtpMailTransport.class);

    private static final String UTF_8 = "UTF-8";

    private final JavaMailSender sender;
    private final MessageWriter writer;
    private final InternetAddress from;
    private final String messageIdDomain;
    private final Scheduler scheduler;

    /**
     * @param from      the sender, such as {@code Accounts <no-reply@accounts.example>}; its domain also ends every Message-ID
     * @param scheduler where the blocking SMTP conversation runs: bootstrap passes a dedicated bounded one, so that
     *                  a slow mail server holds those threads and never the event loop
     */
    public SmtpMailTransport(JavaMailSender sender, MessageWriter writer, String from, Scheduler scheduler) {
        this.sender = Objects.requireNonNull(sender, "sender");
        this.writer = Objects.requireNonNull(writer, "writer");
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        try {
            this.from = new InternetAddress(Objects.requireNonNull(from, "from"), true);
        } catch (AddressException invalid) {
            throw new IllegalArgumentException("from is not an email address: " + from, invalid);
        }
        this.messageIdDomain = asciiDomainOf(this.from.getAddress());
    }

    @Override
    public Mono<Void> send(UUID id, AccountMessage message) {
        return Mono.<Void>fromRunnable(() -> sender.send(compose(id, message)))
                .subscribeOn(scheduler)
                // The outbox retries it; the operator needs to know the server refuses (never the recipient or the link).
                .doOnError(failure -> log.warn("SMTP server did not take message {}: {}", id, withoutAddresses(failure)));
    }

    /**
     * What refused, on one line and without the server's words: an SMTP reply names the recipient
     * ({@code 550 5.1.1 <ada@example.com> Recipient address rejected}), and the exception's text carries it.
     * The failure's class and the SMTP reply codes along its causes say enough to act on.
     */
    private static final Pattern SMTP_REPLY_CODE = Pattern.compile("([2-5]\\d\\d)[ -]");

    static String withoutAddresses(Throwable failure) {
        StringJoiner chain = new StringJoiner(" <- ");
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Throwable cause = failure; cause != null && seen.add(cause); cause = next(cause)) {
            Matcher reply = SMTP_REPLY_CODE.matcher(String.valueOf(cause.getMessage()));
            chain.add(cause.getClass().getSimpleName() + (reply.lookingAt() ? " " + reply.group(1) : ""));
        }
        return chain.toString();
    }

    private static Throwable next(Throwable cause) {
        if (cause instanceof MessagingException messaging && messaging.getNextException() != null) {
            return messaging.getNextException();
        }
        if (cause instanceof MailSendException send && !send.getFailedMessages().isEmpty()) {
            return send.getFailedMessages().values().iterator().next();
        }
        return cause.getCause();
    }

    private MimeMessage compose(UUID id, AccountMessage message) {
        Letter letter = writer.write(message);
        try {
            // The sender's own session, so that spring.mail.properties (mail.mime.allowutf8…) shape the message too.
            Session session = sender.createMimeMessage().getSession();
            MimeMessage mime = new StableIdMimeMessage(session, "<" + id + "@" + messageIdDomain + ">");
            mime.setFrom(from);
            mime.setRecipient(Message.RecipientType.TO, recipient(message.to()));
            mime.setSubject(letter.subject(), UTF_8);
            mime.setHeader("X-Accounts-Message-Id", id.toString());
            mime.setHeader("Auto-Submitted", "auto-generated"); // RFC 3834: asks out-of-office replies to stay away
            MimeBodyPart text = new MimeBodyPart();
            text.setText(letter.text(), UTF_8, "plain");
            MimeBodyPart html = new MimeBodyPart();
            html.setText(letter.html(), UTF_8, "html");
            mime.setContent(new MimeMultipart("alternative", text, html));
            return mime;
        } catch (MessagingException unwritable) {
            throw new MailPreparationException("could not compose message " + id, unwritable);
        }
    }

    /**
     * The local part as typed and the domain in its ASCII form, which every mail server can route; a
     * non-ASCII local part also needs SMTPUTF8 ({@code mail.mime.allowutf8}) on the session and the server.
     */
    private static InternetAddress recipient(EmailAddress to) throws AddressException {
        return new InternetAddress(to.localPart() + "@" + asciiDomainOf(to.key()));
    }

    private static String asciiDomainOf(String address) {
        return IDN.toASCII(address.substring(address.lastIndexOf('@') + 1));
    }

    /** Keeps the Message-ID it was given: Jakarta Mail would write a new one at every saveChanges(). */
    private static final class StableIdMimeMessage extends MimeMessage {

        private final String messageId;

        StableIdMimeMessage(Session session, String messageId) {
            super(session);
            this.messageId = messageId;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", messageId);
        }
    }
}
