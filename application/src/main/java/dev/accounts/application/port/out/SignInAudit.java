package dev.accounts.application.port.out;

import dev.accounts.domain.session.SessionId;
import dev.accounts.domain.user.UserId;

/**
 * Where every sign-in attempt is recorded, one structured event each, never with the password; and every
 * refresh token presented again after its rotation, which revoked its session.
 */
public interface SignInAudit {

    void record(Event event);

    /** A copy of a rotated refresh token was used: someone else may hold the session, which is now revoked. */
    void refreshTokenReused(UserId user, SessionId session);

    enum Outcome { SUCCESS, INVALID_CREDENTIALS, THROTTLED, EMAIL_UNVERIFIED }

    /** @param user null when no account has the email */
    record Event(Outcome outcome, UserId user, String clientIp) {
    }
}
