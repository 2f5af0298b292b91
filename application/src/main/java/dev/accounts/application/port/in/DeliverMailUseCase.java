package dev.accounts.application.port.in;

import reactor.core.publisher.Mono;

/** Use case: sends the messages that are due, for whichever instance runs it. */
public interface DeliverMailUseCase {

    /** The number of messages settled (sent, retried later, or given up on) in this round. */
    Mono<Integer> deliverDue();
}
