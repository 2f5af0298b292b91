package dev.accounts.bootstrap.throughput;

import dev.accounts.adapters.security.password.PasswordWorkQueue;
import dev.accounts.application.port.in.RegisterUserUseCase;
import dev.accounts.application.port.in.SignInUseCase;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.util.context.Context;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.function.Supplier;

/**
 * Admits sign-ups and sign-ins to the {@link PasswordWorkQueue} without the use cases knowing. An
 * {@linkplain #admittedRegistrations admitted} use case runs with a place it has not yet taken; the first call it makes
 * to a {@linkplain #gated gated} port (the user repository, the sign-in throttle, the hasher, the strength
 * estimator) takes it, waiting its turn or failing with a 503, and the place is given back when the use
 * case has answered. So a form its rules refuse, or a duplicate this instance knows, never queues; a
 * request let in holds its place through every query and hash, and is never refused half-way.
 */
public final class PasswordWorkAdmission {

    private static final Object PLACE = new Object();

    private final PasswordWorkQueue queue;

    public PasswordWorkAdmission(PasswordWorkQueue queue) {
        this.queue = queue;
    }

    public RegisterUserUseCase admittedRegistrations(RegisterUserUseCase registrations) {
        return command -> withPlace(command.clientAddress(), Mono.defer(() -> registrations.register(command)));
    }

    public SignInUseCase admittedSignIns(SignInUseCase signIns) {
        return command -> withPlace(command.clientIp(), Mono.defer(() -> signIns.signIn(command)));
    }

    /** Any other use case that does password work, admitted in the line of {@code client}. */
    public <T> Mono<T> admitted(String client, Supplier<Mono<T>> useCase) {
        return withPlace(client, Mono.defer(useCase));
    }

    /**
     * {@code target} as its {@code port}, every answer of which waits for its request's place first. Calls
     * from a use case that was not admitted pass straight through. A proxy, since every method of every
     * gated port is gated alike.
     */
    public static <T> T gated(Class<T> port, T target) {
        Object proxy = Proxy.newProxyInstance(port.getClassLoader(), new Class<?>[]{port}, (self, method, arguments) -> {
            if (method.getDeclaringClass() == Object.class) {
                return switch (method.getName()) {
                    case "equals" -> self == arguments[0];
                    case "hashCode" -> System.identityHashCode(self);
                    default -> "gated " + target;
                };
            }
            try {
                Object answer = method.invoke(target, arguments);
                return answer instanceof Mono<?> work ? afterPlaceTaken(work) : answer;
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        });
        return port.cast(proxy);
    }

    private static <T> Mono<T> afterPlaceTaken(Mono<T> work) {
        return Mono.deferContextual(context -> context.<Place>getOrEmpty(PLACE).map(place -> place.taken().then(work)).orElse(work));
    }

    private <T> Mono<T> withPlace(String client, Mono<T> useCase) {
        return Mono.using(() -> new Place(client), place -> useCase.contextWrite(Context.of(PLACE, place)), Place::leave);
    }

    /** One request's place: taken at most once, on first use, and given back (or given up while waiting) on leaving. */
    private final class Place {

        private final String client;
        private final Sinks.Empty<Void> granted = Sinks.empty();
        // Guarded by this.
        private Disposable holding;
        private boolean left;

        Place(String client) {
            this.client = client;
        }

        Mono<Void> taken() {
            synchronized (this) {
                if (left) {
                    return Mono.error(new IllegalStateException("the request has already left its place"));
                }
                if (holding == null) {
                    // Held until disposed: the queue gives the slot back when its work is cancelled.
                    holding = queue.admit(client, Mono.fromRunnable(granted::tryEmitEmpty).then(Mono.never()))
                            .subscribe(null, granted::tryEmitError);
                }
            }
            return granted.asMono();
        }

        void leave() {
            Disposable place;
            synchronized (this) {
                left = true;
                place = holding;
            }
            if (place != null) {
                place.dispose();
            }
        }
    }
}
