package dev.accounts.domain.session;

/** What presenting a refresh token came to; every outcome that changes the session carries its new state. */
public sealed interface Refresh {

    /** The token was current: its successor is now. */
    record Rotated(Session session) implements Refresh {
    }

    /** The token was rotated a moment ago: its successor is handed out again, nothing changes. */
    record Replayed(Session session) implements Refresh {
    }

    /** The token was rotated before the grace interval: someone holds a copy, so the session ends. */
    record ReuseDetected(Session session) implements Refresh {
    }

    record Refused(Reason reason) implements Refresh {
    }

    enum Reason {
        /** The session was signed out or revoked after a reuse. */
        REVOKED,
        /** The session outlived its absolute lifetime. */
        EXPIRED
    }
}
