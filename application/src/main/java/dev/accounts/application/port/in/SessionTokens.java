package dev.accounts.application.port.in;

import dev.accounts.application.port.out.AccessTokens.AccessToken;
import dev.accounts.domain.session.RefreshToken;
import dev.accounts.domain.session.SessionId;

import java.time.Instant;

/** A fresh access token and refresh token for one session; the session ends at {@code sessionExpiresAt}. */
public record SessionTokens(AccessToken access, RefreshToken refresh, SessionId session, Instant sessionExpiresAt) {
}
