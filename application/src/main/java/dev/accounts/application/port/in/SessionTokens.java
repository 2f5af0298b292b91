package dev.accounts.application.port.in;

import dev.accounts.application.port.out.AccessTokens.AccessToken;
import dev.accounts.domain.session.SessionId;
import dev.accounts.domain.token.SecretToken;

import java.time.Instant;

/** A fresh access token and refresh token for one session; the session ends at {@code sessionExpiresAt}. */
public record SessionTokens(AccessToken access, SecretToken refresh, SessionId session, Instant sessionExpiresAt) {
}
