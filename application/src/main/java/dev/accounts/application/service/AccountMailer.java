package dev.accounts.application.service;

import dev.accounts.application.port.out.OneTimeTokens;
import dev.accounts.application.port.out.Outbox;
import dev.accounts.domain.messages.AccountMessage;
import dev.accounts.domain.messages.MessagePolicy;
import dev.accounts.domain.token.OneTimeToken;
import dev.accounts.domain.token.OneTimeToken.Purpose;
import dev.accounts.domain.token.SecretToken;
import dev.accounts.domain.user.User;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.time.Instant;
import java.util.function.Function;

/**
 * Puts messages to an account's owner in the outbox, within the caller's transaction, at most
 * {@link MessagePolicy#maxPerInbox} of each kind an hour per inbox: beyond that a message is silently not
 * sent, so that asking for links cannot flood an inbox and the answer still says nothing. A reset link held
 * back this way leaves the last one sent working, since only a sent link supersedes another.
 */
public final class AccountMailer {

    private final Outbox outbox;
    private final OneTimeTokens tokens;
    private final MessagePolicy policy;
    private final Clock clock;

    public AccountMailer(Outbox outbox, OneTimeTokens tokens, MessagePolicy policy, Clock clock) {
        this.outbox = outbox;
        this.tokens = tokens;
        this.policy = policy;
        this.clock = clock;
    }

    /** Sends a message with a new link, superseding the user's earlier link for the same purpose. */
    Mono<Void> sendLink(User user, Purpose purpose, AccountMessage.Kind kind, Function<SecretToken, AccountMessage> message) {
        return withinCap(user, kind, now -> {
            OneTimeToken.Issued issued = OneTimeToken.issue(user.id(), purpose, now);
            return tokens.replace(issued.token()).then(outbox.enqueue(message.apply(issued.secret()), now));
        });
    }

    Mono<Void> send(User user, AccountMessage message) {
        return withinCap(user, message.kind(), now -> outbox.enqueue(message, now));
    }

    /**
     * A notice of a change only the account's owner could make (with the password or a reset link), never
     * capped: a notice that the password changed must reach the owner however many messages came before.
     */
    Mono<Void> sendNotice(AccountMessage message) {
        return Mono.defer(() -> outbox.enqueue(message, clock.instant()));
    }

    /**
     * Counted per inbox and kind: deleting and re-creating an account does not start the count again, and
     * a flood of one kind (verification links) cannot keep another (a reset link) from its owner.
     */
    private Mono<Void> withinCap(User user, AccountMessage.Kind kind, Function<Instant, Mono<Void>> enqueue) {
        return Mono.defer(() -> {
            Instant now = clock.instant();
            return outbox.countSent(user.email(), kind, now.minus(policy.window()))
                    .flatMap(sent -> policy.allowsAnother(sent) ? enqueue.apply(now) : Mono.empty());
        });
    }
}
