package dev.accounts.bootstrap;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One real SMTP server (GreenMail) for every end-to-end test in the JVM, on a fixed port so that it can be
 * stopped and started again where the service looks for it. Tests tell their messages apart by recipient.
 */
final class TestMailServer {

    private static final Pattern TOKEN = Pattern.compile("[?&]token=([A-Za-z0-9_-]+)");
    private static final int PORT = freePort();
    private static GreenMail server = started();

    private TestMailServer() {
    }

    static int port() {
        return PORT;
    }

    static synchronized void stop() {
        server.stop();
    }

    static synchronized void start() {
        server = started();
    }

    /** Every message received so far for the address, oldest first. */
    static synchronized List<MimeMessage> messagesTo(String address) {
        return Arrays.stream(server.getReceivedMessages()).filter(message -> isFor(message, address)).toList();
    }

    /** Waits until the address has received {@code count} messages with this subject, and answers them. */
    static List<MimeMessage> awaitMessages(String address, String subject, int count) {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (true) {
            List<MimeMessage> matching = messagesTo(address).stream().filter(message -> subjectOf(message).equals(subject)).toList();
            if (matching.size() >= count || System.nanoTime() > deadline) {
                return matching;
            }
            sleep(Duration.ofMillis(50));
        }
    }

    /** The token of the link in the newest message with this subject to the address, waiting for it to arrive. */
    static String awaitToken(String address, String subject, int messageNumber) {
        List<MimeMessage> messages = awaitMessages(address, subject, messageNumber);
        if (messages.size() < messageNumber) {
            throw new AssertionError("message " + messageNumber + " '" + subject + "' to " + address + " did not arrive; got " + messages.size());
        }
        Matcher token = TOKEN.matcher(textOf(messages.get(messageNumber - 1)));
        if (!token.find()) {
            throw new AssertionError("no link with a token in '" + subject + "'");
        }
        return token.group(1);
    }

    static String subjectOf(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The plain-text alternative. */
    static String textOf(MimeMessage message) {
        try {
            return (String) ((MimeMultipart) message.getContent()).getBodyPart(0).getContent();
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static boolean isFor(MimeMessage message, String address) {
        try {
            return Arrays.stream(message.getRecipients(Message.RecipientType.TO)).anyMatch(to -> to.toString().equalsIgnoreCase(address));
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static GreenMail started() {
        GreenMail greenMail = new GreenMail(new ServerSetup(PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        greenMail.start();
        return greenMail;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
