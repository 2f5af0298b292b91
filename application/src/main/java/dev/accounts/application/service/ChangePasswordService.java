package dev.accounts.application.service;

import dev.accounts.application.port.in.AccountChangeResult;
import dev.accounts.application.port.in.AccountChangeResult.Done;
import dev.accounts.application.port.in.AccountChangeResult.Rejected;
import dev.accounts.application.port.in.AccountCommand;
import dev.accounts.application.port.in.ChangePasswordUseCase;
import dev.accounts.application.port.out.OneTimeTokens;
import dev.accounts.application.port.out.Transactions;
import dev.accounts.domain.credentials.PasswordRules;
import dev.accounts.domain.messages.AccountMessage;
import dev.accounts.domain.session.Session;
import dev.accounts.domain.token.OneTimeToken.Purpose;
import dev.accounts.domain.user.User;
import reactor.core.publisher.Mono;

import java.util.List;
import java.util.Optional;

/**
 * A signed-in user's new password: the cheap rules first, then the current password through the sign-in
 * throttle, then the costly rules and the hash. Every other session ends, and a reset link waiting in the
 * mailbox stops working, since a password is changed most often because someone else may know it; the
 * session that asked continues.
 */
public final class ChangePasswordService implements ChangePasswordUseCase {

    private final SignedInUsers signedIn;
    private final ThrottledPasswords currentPasswords;
    private final NewPasswords newPasswords;
    private final UserChanges users;
    private final OneTimeTokens tokens;
    private final SessionEndings sessionEndings;
    private final AccountMailer mailer;
    private final Transactions transactions;

    public ChangePasswordService(SignedInUsers signedIn, ThrottledPasswords currentPasswords, NewPasswords newPasswords, UserChanges users,
                                 OneTimeTokens tokens, SessionEndings sessionEndings, AccountMailer mailer, Transactions transactions) {
        this.signedIn = signedIn;
        this.currentPasswords = currentPasswords;
        this.newPasswords = newPasswords;
        this.users = users;
        this.tokens = tokens;
        this.sessionEndings = sessionEndings;
        this.mailer = mailer;
        this.transactions = transactions;
    }

    @Override
    public Mono<AccountChangeResult> change(AccountCommand command, String currentPassword, String password, String confirmPassword) {
        return signedIn.act(command, (user, session) -> {
            PasswordRules.Checked checked = newPasswords.check(user, password, confirmPassword);
            if (!checked.violations().isEmpty()) {
                return Mono.just(new Rejected(checked.violations()));
            }
            return currentPasswords.confirm(user, currentPassword, "currentPassword",
                    () -> newPasswords.choose(checked.password().orElseThrow(), user.identifyingWords()).flatMap(chosen -> switch (chosen) {
                        case NewPasswords.Refused refused -> Mono.just(new Rejected(List.of(refused.violation())));
                        case NewPasswords.Hashed hashed -> store(user, session, hashed);
                    }));
        });
    }

    private Mono<AccountChangeResult> store(User user, Session session, NewPasswords.Hashed hashed) {
        return transactions.atomically(() -> users.apply(user.id(), stored -> stored.passwordChanged(hashed.hash()))
                .flatMap(changed -> tokens.revoke(changed.id(), Purpose.RESET_PASSWORD)
                        .then(sessionEndings.endAllOf(changed.id(), Optional.of(session.id())))
                        .then(mailer.sendNotice(AccountMessage.passwordChanged(changed))))
                .thenReturn(new Done()));
    }
}
