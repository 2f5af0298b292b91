package dev.accounts.application.testing;

import dev.accounts.application.port.out.SignInAudit;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

public final class RecordingSignInAudit implements SignInAudit {

    private final List<Event> events = new CopyOnWriteArrayList<>();

    @Override
    public void record(Event event) {
        events.add(event);
    }

    public List<Event> events() {
        return List.copyOf(events);
    }
}
