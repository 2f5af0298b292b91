package dev.accounts.bootstrap.throughput;

import dev.accounts.application.port.in.RegisterUserCommand;
import dev.accounts.application.port.in.RegisterUserUseCase;
import dev.accounts.application.port.in.RegistrationResult;
import dev.accounts.domain.registration.RegistrationCheck;
import dev.accounts.domain.registration.RegistrationRules;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * A burst of sign-ups for one address (a double click, a retrying client) would pass the existence check
 * together and each spend a hash on a certain loser. The first goes ahead; the others wait for it and then
 * register as usual, which finds the address taken. Across instances the database's unique key still decides.
 * Only forms the rules accept wait: one they refuse is answered at once, whatever else is under way.
 */
public final class CoalescedRegistrations implements RegisterUserUseCase {

    private final RegisterUserUseCase registrations;
    private final RegistrationRules rules;
    /** Registrations under way in this process, by email key. */
    private final ConcurrentMap<String, Sinks.Empty<Void>> inFlight = new ConcurrentHashMap<>();

    public CoalescedRegistrations(RegisterUserUseCase registrations, RegistrationRules rules) {
        this.registrations = registrations;
        this.rules = rules;
    }

    @Override
    public Mono<RegistrationResult> register(RegisterUserCommand command) {
        return Mono.defer(() -> {
            if (rules.check(command.toForm()) instanceof RegistrationCheck.Accepted accepted) {
                return registerOnce(accepted.email().key(), command);
            }
            return registrations.register(command);
        });
    }

    private Mono<RegistrationResult> registerOnce(String key, RegisterUserCommand command) {
        return Mono.defer(() -> {
            Sinks.Empty<Void> mine = Sinks.empty();
            Sinks.Empty<Void> earlier = inFlight.putIfAbsent(key, mine);
            if (earlier != null) {
                return earlier.asMono().then(registerOnce(key, command));
            }
            return registrations.register(command).doFinally(signal -> {
                inFlight.remove(key, mine);
                mine.tryEmitEmpty();
            });
        });
    }
}
