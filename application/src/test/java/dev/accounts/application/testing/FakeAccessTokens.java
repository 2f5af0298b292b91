package dev.accounts.application.testing;

import dev.accounts.application.port.out.AccessTokens;
import dev.accounts.domain.session.SessionId;
import dev.accounts.domain.user.UserId;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** Readable, unsigned "tokens" that expire by the given clock: enough to test the use cases' logic. */
public final class FakeAccessTokens implements AccessTokens {

    public static final Duration LIFETIME = Duration.ofMinutes(15);

    private final Clock clock;

    public FakeAccessTokens(Clock clock) {
        this.clock = clock;
    }

    @Override
    public AccessToken issue(UserId user, SessionId session) {
        Instant expiresAt = clock.instant().plus(LIFETIME);
        return new AccessToken("fake:" + user + ":" + session + ":" + expiresAt.toEpochMilli(), expiresAt);
    }

    @Override
    public Mono<AccessClaims> verify(String token) {
        return Mono.fromSupplier(() -> {
            String[] parts = token.split(":");
            if (parts.length != 4 || !parts[0].equals("fake")) {
                return null;
            }
            Instant expiresAt = Instant.ofEpochMilli(Long.parseLong(parts[3]));
            return clock.instant().isBefore(expiresAt)
                    ? new AccessClaims(new UserId(UUID.fromString(parts[1])), new SessionId(UUID.fromString(parts[2])), expiresAt)
                    : null;
        });
    }

    @Override
    public Map<String, Object> publicKeySet() {
        return Map.of("keys", java.util.List.of());
    }
}
