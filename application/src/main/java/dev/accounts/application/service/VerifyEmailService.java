package dev.accounts.application.service;

import dev.accounts.application.port.in.VerifyEmailUseCase;
import dev.accounts.application.port.out.OneTimeTokens;
import dev.accounts.application.port.out.Transactions;
import dev.accounts.domain.token.OneTimeToken.Purpose;
import dev.accounts.domain.token.SecretToken;
import dev.accounts.domain.token.TokenHash;
import reactor.core.publisher.Mono;

import java.time.Clock;

/** Proves an address with the token its verification message carried, once. */
public final class VerifyEmailService implements VerifyEmailUseCase {

    private final OneTimeTokens tokens;
    private final UserChanges users;
    private final Transactions transactions;
    private final Clock clock;

    public VerifyEmailService(OneTimeTokens tokens, UserChanges users, Transactions transactions, Clock clock) {
        this.tokens = tokens;
        this.users = users;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public Mono<Outcome> verify(String token) {
        if (!OneTimeTokenText.isPlausible(token)) {
            return Mono.just(Outcome.INVALID_TOKEN);
        }
        TokenHash hash = SecretToken.presented(token).hash();
        // Found before it is taken, so that a token for another purpose presented here is left usable.
        return tokens.find(hash)
                .filter(found -> found.isUsableFor(Purpose.VERIFY_EMAIL, clock.instant()))
                .flatMap(found -> transactions.atomically(() -> tokens.take(hash)
                        .flatMap(taken -> users.apply(taken.user(), user -> user.emailVerified(clock.instant())))
                        .map(verified -> Outcome.VERIFIED)))
                .defaultIfEmpty(Outcome.INVALID_TOKEN);
    }
}
