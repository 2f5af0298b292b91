package dev.accounts.application.testing;

import dev.accounts.application.port.out.SignInAudit;
import dev.accounts.domain.session.SessionId;
import dev.accounts.domain.user.UserId;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

public final class RecordingSignInAudit implements SignInAudit {

    private final List<Event> events = new CopyOnWriteArrayList<>();
    private final List<SessionId> reusedSessions = new CopyOnWriteArrayList<>();

    @Override
    public void record(Event event) {
        events.add(event);
    }

    @Override
    public void refreshTokenReused(UserId user, SessionId session) {
        reusedSessions.add(session);
    }

    public List<Event> events() {
        return List.copyOf(events);
    }

    public List<SessionId> reusedSessions() {
        return List.copyOf(reusedSessions);
    }
}
