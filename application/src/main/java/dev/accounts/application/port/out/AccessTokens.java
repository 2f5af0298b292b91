package dev.accounts.application.port.out;

import dev.accounts.domain.session.SessionId;
import dev.accounts.domain.user.UserId;
import reactor.core.publisher.Mono;

import java.time.Instant;
import java.util.Map;

/** Short-lived signed access tokens that other services verify with this service's public keys. */
public interface AccessTokens {

    AccessToken issue(UserId user, SessionId session);

    /**
     * The claims of a token this service signed that is current and meant for its audience; empty for
     * anything else (expired, tampered, unsigned, another issuer's), never an error.
     */
    Mono<AccessClaims> verify(String token);

    /** The public keys as a JWK Set document, for {@code /.well-known/jwks.json}. */
    Map<String, Object> publicKeySet();

    record AccessToken(String value, Instant expiresAt) {

        @Override
        public String toString() {
            return "AccessToken[expiresAt=" + expiresAt + "]"; // a bearer token is a credential
        }
    }

    /** @param expiresAt when the token stops being honoured, whatever its session's state */
    record AccessClaims(UserId user, SessionId session, Instant expiresAt) {
    }
}
