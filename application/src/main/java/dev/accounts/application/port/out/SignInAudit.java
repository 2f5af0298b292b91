package dev.accounts.application.port.out;

import dev.accounts.domain.user.UserId;

/** Where every sign-in attempt is recorded, one structured event each, never with the password. */
public interface SignInAudit {

    void record(Event event);

    enum Outcome { SUCCESS, INVALID_CREDENTIALS, THROTTLED, EMAIL_UNVERIFIED }

    /** @param user null when no account has the email */
    record Event(Outcome outcome, UserId user, String clientIp) {
    }
}
