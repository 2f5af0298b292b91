package dev.accounts.application.service;

import dev.accounts.application.port.in.AccountChangeResult;
import dev.accounts.application.port.in.AccountChangeResult.Done;
import dev.accounts.application.port.in.AccountCommand;
import dev.accounts.application.port.in.DeleteAccountUseCase;
import dev.accounts.application.port.out.OneTimeTokens;
import dev.accounts.application.port.out.Outbox;
import dev.accounts.application.port.out.SessionRepository;
import dev.accounts.application.port.out.SignInThrottle;
import dev.accounts.application.port.out.Transactions;
import dev.accounts.application.port.out.UserRepository;
import dev.accounts.domain.user.User;
import reactor.core.publisher.Mono;

import java.util.Optional;

/**
 * Closes an account once its password is re-entered: its sessions end first (so that every cache of them
 * forgets), then the user and everything kept about them go in one transaction.
 */
public final class DeleteAccountService implements DeleteAccountUseCase {

    private final SignedInUsers signedIn;
    private final ThrottledPasswords passwords;
    private final SessionEndings sessionEndings;
    private final UserRepository users;
    private final SessionRepository sessions;
    private final OneTimeTokens tokens;
    private final Outbox outbox;
    private final SignInThrottle throttle;
    private final Transactions transactions;

    public DeleteAccountService(SignedInUsers signedIn, ThrottledPasswords passwords, SessionEndings sessionEndings, UserRepository users,
                                SessionRepository sessions, OneTimeTokens tokens, Outbox outbox, SignInThrottle throttle, Transactions transactions) {
        this.signedIn = signedIn;
        this.passwords = passwords;
        this.sessionEndings = sessionEndings;
        this.users = users;
        this.sessions = sessions;
        this.tokens = tokens;
        this.outbox = outbox;
        this.throttle = throttle;
        this.transactions = transactions;
    }

    @Override
    public Mono<AccountChangeResult> delete(AccountCommand command, String password) {
        return signedIn.act(command, (user, session) -> passwords.confirm(user, password, "password", () -> delete(user)));
    }

    private Mono<AccountChangeResult> delete(User user) {
        return sessionEndings.endAllOf(user.id(), Optional.empty())
                .then(transactions.atomically(() -> outbox.forget(user.id())
                        .then(tokens.deleteAllOf(user.id()))
                        .then(sessions.deleteAllOf(user.id()))
                        .then(throttle.reset(user.email().key()))
                        .then(users.delete(user))
                        .thenReturn(new Done())));
    }
}
