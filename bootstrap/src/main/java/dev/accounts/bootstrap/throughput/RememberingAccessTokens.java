package dev.accounts.bootstrap.throughput;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.accounts.application.port.out.AccessTokens;
import dev.accounts.domain.session.SessionId;
import dev.accounts.domain.user.UserId;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.util.Map;

/**
 * Remembers tokens already verified: a client presents the same token on every request for its whole
 * lifetime, and an ECDSA verification costs a tenth of a millisecond. Only exact strings that passed
 * verification are kept, and their expiry is still checked on every use.
 */
public final class RememberingAccessTokens implements AccessTokens {

    private final AccessTokens tokens;
    private final Clock clock;
    // Upkeep on the caller: handing it to the common pool would wake a thread for every new token.
    private final Cache<String, AccessClaims> verified = Caffeine.newBuilder().executor(Runnable::run).maximumSize(20_000).build();

    public RememberingAccessTokens(AccessTokens tokens, Clock clock) {
        this.tokens = tokens;
        this.clock = clock;
    }

    @Override
    public AccessToken issue(UserId user, SessionId session) {
        return tokens.issue(user, session);
    }

    @Override
    public Mono<AccessClaims> verify(String token) {
        return Mono.defer(() -> {
            AccessClaims known = verified.getIfPresent(token);
            if (known != null) {
                return clock.instant().isBefore(known.expiresAt()) ? Mono.just(known) : Mono.empty();
            }
            return tokens.verify(token).doOnNext(claims -> verified.put(token, claims));
        });
    }

    @Override
    public Map<String, Object> publicKeySet() {
        return tokens.publicKeySet();
    }
}
