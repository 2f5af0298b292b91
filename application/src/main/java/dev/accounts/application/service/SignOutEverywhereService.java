package dev.accounts.application.service;

import dev.accounts.application.port.in.AccountChangeResult;
import dev.accounts.application.port.in.AccountCommand;
import dev.accounts.application.port.in.SignOutEverywhereUseCase;
import dev.accounts.application.port.in.SignOutUseCase.AccessTokenSignOut;
import reactor.core.publisher.Mono;

import java.util.Optional;

/** Ends every session of the signed-in user, the one that asked included. */
public final class SignOutEverywhereService implements SignOutEverywhereUseCase {

    private final SignedInUsers signedIn;
    private final SessionEndings sessionEndings;

    public SignOutEverywhereService(SignedInUsers signedIn, SessionEndings sessionEndings) {
        this.signedIn = signedIn;
        this.sessionEndings = sessionEndings;
    }

    @Override
    public Mono<AccessTokenSignOut> signOutEverywhere(AccountCommand command) {
        return signedIn.act(command, (user, session) -> sessionEndings.endAllOf(user.id(), Optional.empty())
                        .thenReturn(new AccountChangeResult.Done()))
                .map(result -> switch (result) {
                    case AccountChangeResult.Done done -> AccessTokenSignOut.SIGNED_OUT;
                    case AccountChangeResult.SessionMismatch mismatch -> AccessTokenSignOut.SESSION_MISMATCH;
                    default -> AccessTokenSignOut.NOT_SIGNED_IN;
                });
    }
}
