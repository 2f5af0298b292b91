package dev.accounts.adapters.mail;

import dev.accounts.application.port.out.MailTransport;
import dev.accounts.domain.messages.AccountMessage;
import dev.accounts.domain.messages.AccountMessage.PasswordChanged;
import dev.accounts.domain.messages.AccountMessage.ResetPassword;
import dev.accounts.domain.messages.AccountMessage.SignUpAttempted;
import dev.accounts.domain.messages.AccountMessage.VerifyEmail;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;

/**
 * Keeps the newest messages in memory instead of sending them, so that the service runs without a mail
 * server. {@link DevelopmentMailboxRoutes} shows them with their links' tokens: never for real users.
 */
public final class DevelopmentMailbox implements MailTransport {

    private static final Logger log = LoggerFactory.getLogger(DevelopmentMailbox.class);
    // A link ends before trailing punctuation, as mail clients read it: "…/reset-password." links to "…/reset-password".
    private static final Pattern LINK = Pattern.compile("https?://[^\\s<>\"]*[^\\s<>\".,;:!?)]");

    private final MessageWriter writer;
    private final int capacity;
    private final Clock clock;
    private final Deque<Mail> newestFirst = new ArrayDeque<>();

    /** @param capacity how many messages to keep; older ones are forgotten */
    public DevelopmentMailbox(MessageWriter writer, int capacity, Clock clock) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be positive");
        }
        this.writer = Objects.requireNonNull(writer, "writer");
        this.capacity = capacity;
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public Mono<Void> send(UUID id, AccountMessage message) {
        return Mono.fromRunnable(() -> keep(id, message));
    }

    /** Every message kept, newest first. */
    List<Mail> messages() {
        synchronized (newestFirst) {
            return List.copyOf(newestFirst);
        }
    }

    /** The messages kept for one address, in any case, newest first. */
    List<Mail> messagesTo(String address) {
        String wanted = address.strip();
        return messages().stream().filter(mail -> mail.to().equalsIgnoreCase(wanted)).toList();
    }

    private void keep(UUID id, AccountMessage message) {
        Letter letter = writer.write(message);
        Mail mail = new Mail(id, message.to().value(), letter.subject(), letter.text(), letter.html(), linksIn(letter.text()),
                tokenOf(message), clock.instant());
        synchronized (newestFirst) {
            newestFirst.addFirst(mail);
            if (newestFirst.size() > capacity) {
                newestFirst.removeLast();
            }
        }
        // The subject and the address only: the text holds the link, and the link holds the token.
        log.info("Development mailbox: message '{}' for {} is at {}/dev/mail (not sent: no SMTP server configured)",
                letter.subject(), mail.to(), writer.publicUrl());
    }

    /** From the message itself, never from its text, where a name could have put a link of its own. */
    private static Optional<String> tokenOf(AccountMessage message) {
        return switch (message) {
            case VerifyEmail verify -> Optional.of(verify.token().value());
            case ResetPassword reset -> Optional.of(reset.token().value());
            case SignUpAttempted attempted -> Optional.empty();
            case PasswordChanged changed -> Optional.empty();
        };
    }

    private static List<String> linksIn(String text) {
        return LINK.matcher(text).results().map(MatchResult::group).distinct().toList();
    }

    /**
     * A message as it would have been sent, with the links found in its text, first to last.
     *
     * @param token the token of the message's link, when it has one
     */
    record Mail(UUID id, String to, String subject, String text, String html, List<String> links, Optional<String> token, Instant sentAt) {

        Mail {
            links = List.copyOf(links);
        }

        @Override
        public String toString() {
            return "Mail[id=" + id + ", to=" + to + ", subject=" + subject + "]"; // the text holds a token
        }
    }
}
