package dev.accounts.application.port.in;

import dev.accounts.domain.session.SessionId;

import java.util.Objects;
import java.util.Optional;

/**
 * Who asks to change their own account: the access token they presented and, when it came in a cookie,
 * the session their CSRF token names, which must be the token's own.
 */
public record AccountCommand(String accessToken, Optional<SessionId> csrfSession, String clientAddress) {

    public AccountCommand {
        Objects.requireNonNull(csrfSession, "csrfSession");
    }

    @Override
    public String toString() {
        return "AccountCommand[csrfSession=" + csrfSession.isPresent() + "]"; // an access token is a credential
    }
}
