package dev.accounts.application.testing;

import dev.accounts.application.port.out.MailTransport;
import dev.accounts.domain.messages.AccountMessage;
import reactor.core.publisher.Mono;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/** Keeps what it was asked to send; can be taken down, like a mail server, to fail every attempt. */
public final class RecordingMailTransport implements MailTransport {

    private final List<Sent> sent = new CopyOnWriteArrayList<>();
    private final AtomicBoolean down = new AtomicBoolean();
    private final AtomicInteger attempts = new AtomicInteger();

    @Override
    public Mono<Void> send(UUID id, AccountMessage message) {
        return Mono.defer(() -> {
            attempts.incrementAndGet();
            if (down.get()) {
                return Mono.error(new IllegalStateException("the mail server is down"));
            }
            sent.add(new Sent(id, message));
            return Mono.empty();
        });
    }

    public void down(boolean isDown) {
        down.set(isDown);
    }

    public int attempts() {
        return attempts.get();
    }

    public List<Sent> sent() {
        return List.copyOf(sent);
    }

    /** The messages of one type sent to one address, oldest first. */
    public <T extends AccountMessage> List<T> sentTo(String address, Class<T> type) {
        return sent.stream().map(Sent::message).filter(type::isInstance).map(type::cast)
                .filter(message -> message.to().value().equalsIgnoreCase(address)).toList();
    }

    public record Sent(UUID id, AccountMessage message) {
    }
}
