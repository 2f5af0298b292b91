package dev.accounts.application.service;

import dev.accounts.application.port.in.RegisterUserCommand;
import dev.accounts.application.port.in.RegisterUserUseCase;
import dev.accounts.application.port.in.RegistrationResult;
import dev.accounts.application.port.in.RegistrationResult.EmailTaken;
import dev.accounts.application.port.in.RegistrationResult.Registered;
import dev.accounts.application.port.in.RegistrationResult.Rejected;
import dev.accounts.application.port.out.Transactions;
import dev.accounts.application.port.out.UserRepository;
import dev.accounts.domain.messages.AccountMessage;
import dev.accounts.domain.registration.RegistrationCheck;
import dev.accounts.domain.registration.RegistrationRules;
import dev.accounts.domain.token.OneTimeToken.Purpose;
import dev.accounts.domain.user.EmailAddress;
import dev.accounts.domain.user.User;
import dev.accounts.domain.user.UserId;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.util.List;
import java.util.Objects;

/**
 * Checks the form, refuses a taken address, chooses the password (strength, breaches, hash), and inserts
 * the user with its verification message in one transaction: cheapest first, so that nothing costly is
 * spent on a form that must be refused anyway.
 *
 * <p>In the enumeration-safe mode a taken address is not refused: the form goes the whole way, so it costs
 * and answers what a new address would (a made-up id nobody can read), and the owner is told by mail that
 * someone tried to sign up with it.
 */
public final class RegisterUserService implements RegisterUserUseCase {

    private final RegistrationRules rules;
    private final boolean enumerationSafe;
    private final UserRepository users;
    private final NewPasswords newPasswords;
    private final AccountMailer mailer;
    private final Transactions transactions;
    private final Clock clock;

    public RegisterUserService(RegistrationRules rules, boolean enumerationSafe, UserRepository users, NewPasswords newPasswords,
                               AccountMailer mailer, Transactions transactions, Clock clock) {
        this.rules = Objects.requireNonNull(rules, "rules");
        this.enumerationSafe = enumerationSafe;
        this.users = Objects.requireNonNull(users, "users");
        this.newPasswords = Objects.requireNonNull(newPasswords, "newPasswords");
        this.mailer = Objects.requireNonNull(mailer, "mailer");
        this.transactions = Objects.requireNonNull(transactions, "transactions");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public Mono<RegistrationResult> register(RegisterUserCommand command) {
        return Mono.defer(() -> switch (rules.check(command.toForm())) {
            case RegistrationCheck.Refused refused -> Mono.just(new Rejected(refused.violations()));
            case RegistrationCheck.Accepted form when enumerationSafe -> chooseAndInsert(form);
            case RegistrationCheck.Accepted form -> users.existsByEmail(form.email())
                    .flatMap(taken -> taken ? Mono.just(new EmailTaken(form.email())) : chooseAndInsert(form));
        });
    }

    private Mono<RegistrationResult> chooseAndInsert(RegistrationCheck.Accepted form) {
        return newPasswords.choose(form.password(), RegistrationRules.guessableWords(form)).flatMap(chosen -> switch (chosen) {
            case NewPasswords.Refused refused -> Mono.just(new Rejected(List.of(refused.violation())));
            case NewPasswords.Hashed hashed -> insert(User.register(form.email(), form.name(), hashed.hash(), clock))
                    .flatMap(result -> result instanceof EmailTaken taken && enumerationSafe ? tellOwner(taken.email()) : Mono.just(result));
        });
    }

    private Mono<RegistrationResult> insert(User user) {
        return transactions.atomically(() -> users.insert(user).flatMap(outcome -> switch (outcome) {
            case INSERTED -> mailer.sendLink(user, Purpose.VERIFY_EMAIL, AccountMessage.Kind.VERIFY_EMAIL,
                            token -> AccountMessage.verifyEmail(user, token))
                    .thenReturn(new Registered(user.id()));
            case EMAIL_TAKEN -> Mono.just(new EmailTaken(user.email()));
        }));
    }

    private Mono<RegistrationResult> tellOwner(EmailAddress email) {
        return users.findByEmail(email)
                .flatMap(owner -> transactions.atomically(() -> mailer.send(owner,
                        AccountMessage.signUpAttempted(owner))))
                .thenReturn(new Registered(UserId.random()));
    }
}
