package dev.accounts.application.service;

import dev.accounts.application.port.in.RegisterUserCommand;
import dev.accounts.application.port.in.RegisterUserUseCase;
import dev.accounts.application.port.in.RegistrationResult;
import dev.accounts.application.port.in.RegistrationResult.EmailTaken;
import dev.accounts.application.port.in.RegistrationResult.Registered;
import dev.accounts.application.port.in.RegistrationResult.Rejected;
import dev.accounts.application.port.out.PasswordHasher;
import dev.accounts.application.port.out.PasswordStrengthEstimator;
import dev.accounts.application.port.out.UserRepository;
import dev.accounts.domain.registration.RegistrationCheck;
import dev.accounts.domain.registration.RegistrationRules;
import dev.accounts.domain.user.User;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.util.List;
import java.util.Objects;

/**
 * Checks the form, refuses a taken address, judges the password's strength, hashes it, and inserts the
 * user: cheapest first, so that neither the estimate (milliseconds of CPU) nor the hash (tens of them) is
 * spent on a form that must be refused anyway.
 */
public final class RegisterUserService implements RegisterUserUseCase {

    private final RegistrationRules rules;
    private final UserRepository users;
    private final PasswordHasher hasher;
    private final PasswordStrengthEstimator strengthEstimator;
    private final Clock clock;

    public RegisterUserService(RegistrationRules rules, UserRepository users, PasswordHasher hasher,
                               PasswordStrengthEstimator strengthEstimator, Clock clock) {
        this.rules = Objects.requireNonNull(rules, "rules");
        this.users = Objects.requireNonNull(users, "users");
        this.hasher = Objects.requireNonNull(hasher, "hasher");
        this.strengthEstimator = Objects.requireNonNull(strengthEstimator, "strengthEstimator");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public Mono<RegistrationResult> register(RegisterUserCommand command) {
        return Mono.defer(() -> switch (rules.check(command.toForm())) {
            case RegistrationCheck.Refused refused -> Mono.just(new Rejected(refused.violations()));
            case RegistrationCheck.Accepted form -> users.existsByEmail(form.email())
                    .flatMap(taken -> taken ? Mono.just(new EmailTaken(form.email())) : judgeHashAndInsert(form));
        });
    }

    private Mono<RegistrationResult> judgeHashAndInsert(RegistrationCheck.Accepted form) {
        return strengthEstimator.estimate(form.password(), RegistrationRules.guessableWords(form))
                .flatMap(strength -> rules.strengthViolation(strength)
                        .<Mono<RegistrationResult>>map(weak -> Mono.just(new Rejected(List.of(weak))))
                        .orElseGet(() -> hasher.hash(form.password())
                                .map(hash -> User.register(form.email(), form.name(), hash, clock))
                                .flatMap(this::insert)));
    }

    private Mono<RegistrationResult> insert(User user) {
        return users.insert(user).map(outcome -> switch (outcome) {
            case INSERTED -> new Registered(user.id());
            case EMAIL_TAKEN -> new EmailTaken(user.email());
        });
    }
}
