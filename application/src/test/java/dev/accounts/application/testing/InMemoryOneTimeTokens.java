package dev.accounts.application.testing;

import dev.accounts.application.port.out.OneTimeTokens;
import dev.accounts.domain.token.OneTimeToken;
import dev.accounts.domain.token.TokenHash;
import dev.accounts.domain.user.UserId;
import reactor.core.publisher.Mono;

import java.util.HashMap;
import java.util.Map;

/** One token per user and purpose, as the table's primary key keeps them; every change under one lock. */
public final class InMemoryOneTimeTokens implements OneTimeTokens {

    private final Map<TokenHash, OneTimeToken> tokens = new HashMap<>();

    @Override
    public Mono<Void> replace(OneTimeToken token) {
        return Mono.fromRunnable(() -> {
            synchronized (this) {
                tokens.values().removeIf(stored -> stored.user().equals(token.user()) && stored.purpose() == token.purpose());
                tokens.put(token.hash(), token);
            }
        });
    }

    @Override
    public Mono<OneTimeToken> find(TokenHash hash) {
        return Mono.fromSupplier(() -> {
            synchronized (this) {
                return tokens.get(hash);
            }
        });
    }

    @Override
    public Mono<OneTimeToken> take(TokenHash hash) {
        return Mono.fromSupplier(() -> {
            synchronized (this) {
                return tokens.remove(hash);
            }
        });
    }

    @Override
    public Mono<Void> revoke(UserId user, OneTimeToken.Purpose purpose) {
        return Mono.fromRunnable(() -> {
            synchronized (this) {
                tokens.values().removeIf(stored -> stored.user().equals(user) && stored.purpose() == purpose);
            }
        });
    }

    @Override
    public Mono<Void> deleteAllOf(UserId user) {
        return Mono.fromRunnable(() -> {
            synchronized (this) {
                tokens.values().removeIf(stored -> stored.user().equals(user));
            }
        });
    }
}
