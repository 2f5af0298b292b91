package dev.accounts.application.service;

import dev.accounts.application.port.in.SignInCommand;
import dev.accounts.application.port.in.SignInResult;
import dev.accounts.application.port.in.SignInResult.EmailUnverified;
import dev.accounts.application.port.in.SignInResult.InvalidCredentials;
import dev.accounts.application.port.in.SignInResult.Rejected;
import dev.accounts.application.port.in.SignInResult.SignedIn;
import dev.accounts.application.port.in.SignInResult.Throttled;
import dev.accounts.application.port.in.SignInUseCase;
import dev.accounts.application.port.in.UserProfile;
import dev.accounts.application.port.out.PasswordHasher;
import dev.accounts.application.port.out.SignInAudit;
import dev.accounts.application.port.out.SignInAudit.Outcome;
import dev.accounts.application.port.out.SignInThrottle;
import dev.accounts.application.port.out.TemporarilyUnavailableException;
import dev.accounts.application.port.out.UserRepository;
import dev.accounts.domain.credentials.Password;
import dev.accounts.domain.signin.SignInForm;
import dev.accounts.domain.signin.SignInKey;
import dev.accounts.domain.signin.ThrottlePolicy;
import dev.accounts.domain.user.EmailAddresses;
import dev.accounts.domain.user.User;
import dev.accounts.domain.validation.Violation;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Checks credentials at a constant cost: an unknown email is verified against a dummy hash, so it
 * takes as long as a wrong password, and both answer alike. Failures count against the email key,
 * whether or not an account has it.
 */
public final class SignInService implements SignInUseCase {

    private final UserRepository users;
    private final PasswordHasher hasher;
    private final SessionIssuer sessions;
    private final SignInThrottle throttle;
    private final ThrottlePolicy throttlePolicy;
    private final SignInAudit audit;
    private final EmailAddresses emails;
    private final boolean requireVerifiedEmail;
    private final Clock clock;

    /** @param requireVerifiedEmail refuse the right password of an account whose address is not verified yet */
    public SignInService(UserRepository users, PasswordHasher hasher, SessionIssuer sessions, SignInThrottle throttle,
                         ThrottlePolicy throttlePolicy, SignInAudit audit, EmailAddresses emails, boolean requireVerifiedEmail, Clock clock) {
        this.users = users;
        this.hasher = hasher;
        this.sessions = sessions;
        this.throttle = throttle;
        this.throttlePolicy = throttlePolicy;
        this.audit = audit;
        this.emails = emails;
        this.requireVerifiedEmail = requireVerifiedEmail;
        this.clock = clock;
    }

    @Override
    public Mono<SignInResult> signIn(SignInCommand command) {
        return Mono.defer(() -> {
            List<Violation> violations = new SignInForm(command.email(), command.password()).violations();
            if (!violations.isEmpty()) {
                return Mono.just(new Rejected(violations));
            }
            Password password = Password.normalise(command.password());
            Optional<String> key = SignInKey.of(command.email(), emails);
            if (key.isEmpty()) {
                // No account can have this "email"; spend the same hash anyway so the answer takes as long.
                return hasher.verify(password, hasher.dummyHash()).map(ignored -> invalid(Optional.empty(), command));
            }
            return throttle.failures(key.get())
                    .flatMap(failures -> Mono.justOrEmpty(throttlePolicy.remainingWait(failures, clock.instant())))
                    .<SignInResult>map(wait -> throttled(wait, command))
                    .switchIfEmpty(Mono.defer(() -> attempt(key.get(), password, command)));
        });
    }

    private Mono<SignInResult> attempt(String key, Password password, SignInCommand command) {
        return users.findByEmail(emails.parse(command.email())).map(Optional::of).defaultIfEmpty(Optional.empty())
                .flatMap(user -> hasher.verify(password, user.map(User::passwordHash).orElseGet(hasher::dummyHash))
                        .flatMap(verification -> user.isPresent() && verification.matches()
                                ? succeed(user.get(), key, password, verification.needsRehash(), command)
                                : throttle.recordFailure(key, clock.instant()).thenReturn(invalid(user, command))));
    }

    /** Only the owner, who knows the password, learns that the address is unverified: to anyone else it says nothing. */
    private Mono<SignInResult> succeed(User user, String key, Password password, boolean needsRehash, SignInCommand command) {
        Mono<Void> passwordAccepted = throttle.reset(key).then(needsRehash ? rehash(user, password) : Mono.empty());
        if (requireVerifiedEmail && !user.isEmailVerified()) {
            return passwordAccepted.then(Mono.fromSupplier(() -> {
                audit.record(new SignInAudit.Event(Outcome.EMAIL_UNVERIFIED, user.id(), command.clientIp()));
                return new EmailUnverified();
            }));
        }
        return passwordAccepted
                .then(sessions.start(user.id()))
                .map(tokens -> {
                    audit.record(new SignInAudit.Event(Outcome.SUCCESS, user.id(), command.clientIp()));
                    return (SignInResult) new SignedIn(UserProfile.of(user), tokens);
                })
                .switchIfEmpty(Mono.fromSupplier(() -> invalid(Optional.empty(), command)));
    }

    /** Moves a hash made under older settings to the active ones, now that the password is at hand. */
    private Mono<Void> rehash(User user, Password password) {
        return hasher.hash(password)
                .flatMap(hash -> users.update(user.rehashed(hash)))
                .then()
                // Saturated hashing must not cost the user their sign-in; the next one tries again.
                .onErrorResume(TemporarilyUnavailableException.class, busy -> Mono.empty());
    }

    private SignInResult throttled(Duration wait, SignInCommand command) {
        audit.record(new SignInAudit.Event(Outcome.THROTTLED, null, command.clientIp()));
        return new Throttled(wait);
    }

    private SignInResult invalid(Optional<User> user, SignInCommand command) {
        audit.record(new SignInAudit.Event(Outcome.INVALID_CREDENTIALS, user.map(User::id).orElse(null), command.clientIp()));
        return new InvalidCredentials();
    }
}
