package dev.accounts.application.service;

import dev.accounts.application.port.in.ResetPasswordUseCase;
import dev.accounts.application.port.out.OneTimeTokens;
import dev.accounts.application.port.out.SignInThrottle;
import dev.accounts.application.port.out.Transactions;
import dev.accounts.domain.credentials.PasswordRules;
import dev.accounts.domain.messages.AccountMessage;
import dev.accounts.domain.token.OneTimeToken;
import dev.accounts.domain.token.OneTimeToken.Purpose;
import dev.accounts.domain.token.SecretToken;
import dev.accounts.domain.token.TokenHash;
import dev.accounts.domain.user.User;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * Sets a new password with the token of a reset link, under the same rules as sign-up. The token is
 * used up only when the password is set, so a refused password can be corrected; setting it ends every
 * session of the account and clears its sign-in throttle, since whoever was guessing or holding a session
 * is exactly what a reset is for.
 */
public final class ResetPasswordService implements ResetPasswordUseCase {

    private final OneTimeTokens tokens;
    private final UserChanges users;
    private final NewPasswords newPasswords;
    private final SessionEndings sessionEndings;
    private final SignInThrottle throttle;
    private final AccountMailer mailer;
    private final Transactions transactions;
    private final Clock clock;

    public ResetPasswordService(OneTimeTokens tokens, UserChanges users, NewPasswords newPasswords, SessionEndings sessionEndings,
                                SignInThrottle throttle, AccountMailer mailer, Transactions transactions, Clock clock) {
        this.tokens = tokens;
        this.users = users;
        this.newPasswords = newPasswords;
        this.sessionEndings = sessionEndings;
        this.throttle = throttle;
        this.mailer = mailer;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public Mono<Result> reset(String token, String password, String confirmPassword) {
        if (!OneTimeTokenText.isPlausible(token)) {
            return Mono.just(new InvalidToken());
        }
        TokenHash hash = SecretToken.presented(token).hash();
        return tokens.find(hash)
                .filter(found -> found.isUsableFor(Purpose.RESET_PASSWORD, clock.instant()))
                .flatMap(found -> users.users().findById(found.user()))
                .flatMap(user -> choose(user, hash, password, confirmPassword))
                .defaultIfEmpty(new InvalidToken());
    }

    private Mono<Result> choose(User user, TokenHash hash, String password, String confirmPassword) {
        PasswordRules.Checked checked = newPasswords.check(user, password, confirmPassword);
        if (!checked.violations().isEmpty()) {
            return Mono.just(new Rejected(checked.violations()));
        }
        return newPasswords.choose(checked.password().orElseThrow(), user.identifyingWords()).flatMap(chosen -> switch (chosen) {
            case NewPasswords.Refused refused -> Mono.just(new Rejected(List.of(refused.violation())));
            case NewPasswords.Hashed hashed -> transactions.atomically(() -> tokens.take(hash)
                    .flatMap(taken -> users.apply(user.id(), stored -> stored.passwordReset(hashed.hash(), clock.instant())))
                    .flatMap(changed -> sessionEndings.endAllOf(changed.id(), Optional.empty())
                            .then(throttle.reset(changed.email().key()))
                            .then(mailer.sendNotice(AccountMessage.passwordChanged(changed)))
                            .thenReturn(new PasswordReset())));
        });
    }
}
