package dev.accounts.application.testing;

import dev.accounts.application.port.out.RefreshTokenSuccessors;
import dev.accounts.domain.session.RefreshToken;

/** The successor is the token's own hash: as deterministic as the real one, with no key to configure. */
public final class FakeRefreshTokenSuccessors implements RefreshTokenSuccessors {

    @Override
    public RefreshToken successorOf(RefreshToken token) {
        return RefreshToken.presented(token.hash());
    }
}
