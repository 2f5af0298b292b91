package dev.accounts.application.service;

import dev.accounts.application.port.in.AccountChangeResult;
import dev.accounts.application.port.in.AccountChangeResult.Rejected;
import dev.accounts.application.port.in.AccountChangeResult.Throttled;
import dev.accounts.application.port.in.AccountChangeResult.WrongPassword;
import dev.accounts.application.port.out.PasswordHasher;
import dev.accounts.application.port.out.SignInThrottle;
import dev.accounts.domain.credentials.Password;
import dev.accounts.domain.signin.ThrottlePolicy;
import dev.accounts.domain.user.User;
import dev.accounts.domain.validation.Violation;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.util.List;
import java.util.function.Supplier;

/**
 * Checks a password a signed-in user re-enters to confirm a change, through the same throttle as sign-in:
 * a stolen session must not become a way round sign-in's limit on guesses.
 */
public final class ThrottledPasswords {

    private final PasswordHasher hasher;
    private final SignInThrottle throttle;
    private final ThrottlePolicy policy;
    private final Clock clock;

    public ThrottledPasswords(PasswordHasher hasher, SignInThrottle throttle, ThrottlePolicy policy, Clock clock) {
        this.hasher = hasher;
        this.throttle = throttle;
        this.policy = policy;
        this.clock = clock;
    }

    /** Runs {@code confirmed} if {@code presented} is the user's password; otherwise answers why not, counting the failure. */
    Mono<AccountChangeResult> confirm(User user, String presented, String field, Supplier<Mono<AccountChangeResult>> confirmed) {
        if (Password.unusable(presented).isPresent()) {
            return Mono.just(new Rejected(List.of(new Violation(field, field + ".required", "Enter your current password to confirm."))));
        }
        String key = user.email().key();
        return throttle.failures(key)
                .flatMap(failures -> Mono.justOrEmpty(policy.remainingWait(failures, clock.instant())))
                .<AccountChangeResult>map(Throttled::new)
                .switchIfEmpty(Mono.defer(() -> hasher.verify(Password.normalise(presented), user.passwordHash())
                        .flatMap(verification -> verification.matches()
                                ? throttle.reset(key).then(Mono.defer(confirmed))
                                : throttle.recordFailure(key, clock.instant()).thenReturn(new WrongPassword(field)))));
    }
}
