package dev.accounts.application.port.out;

import dev.accounts.domain.messages.AccountMessage;
import reactor.core.publisher.Mono;

import java.util.UUID;

/** Sends account messages to their owners' inboxes. */
public interface MailTransport {

    /**
     * Writes and sends the message. {@code id} names it wherever it is sent again (a retry after a lost
     * answer), so the receiver can tell a repeat. Fails when the message may not have been sent.
     */
    Mono<Void> send(UUID id, AccountMessage message);
}
