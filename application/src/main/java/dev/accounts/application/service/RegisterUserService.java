package dev.accounts.application.service;

import dev.accounts.application.port.in.RegisterUserCommand;
import dev.accounts.application.port.in.RegisterUserUseCase;
import dev.accounts.application.port.in.RegistrationResult;
import dev.accounts.application.port.in.RegistrationResult.EmailTaken;
import dev.accounts.application.port.in.RegistrationResult.Registered;
import dev.accounts.application.port.in.RegistrationResult.Rejected;
import dev.accounts.application.port.out.PasswordHasher;
import dev.accounts.application.port.out.PasswordStrengthEstimator;
import dev.accounts.application.port.out.PasswordWorkCapacity;
import dev.accounts.application.port.out.UserRepository;
import dev.accounts.domain.registration.RegistrationCheck;
import dev.accounts.domain.registration.RegistrationRules;
import dev.accounts.domain.registration.Violation;
import dev.accounts.domain.user.User;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** Validates, refuses known duplicates, judges the password's strength, hashes, and inserts. */
public final class RegisterUserService implements RegisterUserUseCase {

    private final RegistrationRules rules;
    private final UserRepository users;
    private final PasswordHasher hasher;
    private final PasswordStrengthEstimator strengthEstimator;
    private final PasswordWorkCapacity capacity;
    private final Clock clock;
    /** Registrations under way in this process, by email key; see {@link #registerOnce}. */
    private final ConcurrentMap<String, Sinks.Empty<Void>> inFlight = new ConcurrentHashMap<>();

    public RegisterUserService(RegistrationRules rules, UserRepository users, PasswordHasher hasher,
                               PasswordStrengthEstimator strengthEstimator, PasswordWorkCapacity capacity, Clock clock) {
        this.rules = Objects.requireNonNull(rules, "rules");
        this.users = Objects.requireNonNull(users, "users");
        this.hasher = Objects.requireNonNull(hasher, "hasher");
        this.strengthEstimator = Objects.requireNonNull(strengthEstimator, "strengthEstimator");
        this.capacity = Objects.requireNonNull(capacity, "capacity");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public Mono<RegistrationResult> register(RegisterUserCommand command) {
        return Mono.defer(() -> switch (rules.check(command.toForm())) {
            case RegistrationCheck.Refused refused -> Mono.just(new Rejected(refused.violations()));
            case RegistrationCheck.Accepted accepted -> registerOnce(accepted, command.clientAddress());
        });
    }

    /**
     * A burst of sign-ups for one address (a double click, a retrying client) would otherwise pass the
     * existence check together and each spend a hash on a certain loser. The first goes ahead; the others
     * wait for it and then check again, which finds the address taken. Across instances the database's
     * unique key still decides.
     */
    private Mono<RegistrationResult> registerOnce(RegistrationCheck.Accepted accepted, String client) {
        return Mono.defer(() -> {
            String key = accepted.email().key();
            Sinks.Empty<Void> mine = Sinks.empty();
            Sinks.Empty<Void> earlier = inFlight.putIfAbsent(key, mine);
            if (earlier != null) {
                return earlier.asMono().then(registerOnce(accepted, client));
            }
            return checkHashAndInsert(accepted, client).doFinally(signal -> {
                inFlight.remove(key, mine);
                mine.tryEmitEmpty();
            });
        });
    }

    /**
     * Cheapest first: the duplicate check is one indexed query; the strength estimate costs milliseconds
     * and the hash tens of them, so neither is spent on an address that is already taken.
     *
     * <p>The check, the estimate and the hash are admitted together as this request's password work. A
     * saturated instance thus refuses a sign-up before spending anything on it, not even the query, and
     * never after its estimate; a duplicate it already knows is still answered at once.
     */
    private Mono<RegistrationResult> checkHashAndInsert(RegistrationCheck.Accepted accepted, String client) {
        if (users.knownToBeTaken(accepted.email())) {
            return Mono.just(new EmailTaken(accepted.email()));
        }
        return capacity.admit(client, Mono.defer(() -> users.existsByEmail(accepted.email()))
                        .flatMap(taken -> taken ? Mono.just(new Judged.Taken()) : judgeAndHash(accepted)))
                .flatMap(judged -> switch (judged) {
                    case Judged.Taken taken -> Mono.just(new EmailTaken(accepted.email()));
                    case Judged.Weak weak -> Mono.just(new Rejected(List.of(weak.violation())));
                    case Judged.Hashed hashed -> insert(hashed.user());
                });
    }

    private Mono<Judged> judgeAndHash(RegistrationCheck.Accepted accepted) {
        return strengthEstimator.estimate(accepted.password(), RegistrationRules.guessableWords(accepted))
                .flatMap(strength -> rules.strengthViolation(strength)
                        .<Mono<Judged>>map(weak -> Mono.just(new Judged.Weak(weak)))
                        .orElseGet(() -> hasher.hash(accepted.password())
                                .map(hash -> new Judged.Hashed(User.register(accepted.email(), accepted.name(), hash, clock)))));
    }

    private Mono<RegistrationResult> insert(User user) {
        return users.insert(user).map(outcome -> switch (outcome) {
            case INSERTED -> new Registered(user.id());
            case EMAIL_TAKEN -> new EmailTaken(user.email());
        });
    }

    /** What the admitted work decided: the address is taken, the password too weak, or a new user is ready to insert. */
    private sealed interface Judged {
        record Taken() implements Judged {
        }

        record Weak(Violation violation) implements Judged {
        }

        record Hashed(User user) implements Judged {
        }
    }
}
