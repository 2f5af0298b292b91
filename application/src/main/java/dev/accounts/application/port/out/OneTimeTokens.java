package dev.accounts.application.port.out;

import dev.accounts.domain.token.OneTimeToken;
import dev.accounts.domain.token.TokenHash;
import dev.accounts.domain.user.UserId;
import reactor.core.publisher.Mono;

/** Where the single-use tokens of mailed links are kept, by hash, one per user and purpose. */
public interface OneTimeTokens {

    /** Stores {@code token}, superseding the user's earlier token for the same purpose. */
    Mono<Void> replace(OneTimeToken token);

    /** The token with this hash, left in place; empty when there is none. */
    Mono<OneTimeToken> find(TokenHash hash);

    /**
     * Removes and returns the token with this hash, so that two concurrent uses cannot both get it;
     * empty when there is none (never issued, used already, or superseded).
     */
    Mono<OneTimeToken> take(TokenHash hash);

    /** Removes the user's token for this purpose, if there is one: its link stops working. */
    Mono<Void> revoke(UserId user, OneTimeToken.Purpose purpose);

    /** Removes every token of the user. */
    Mono<Void> deleteAllOf(UserId user);
}
