package dev.accounts.application.testing;

import dev.accounts.application.port.out.RefreshTokenSuccessors;
import dev.accounts.domain.token.SecretToken;

/** The successor is the token's own hash: as deterministic as the real one, with no key to configure. */
public final class FakeRefreshTokenSuccessors implements RefreshTokenSuccessors {

    @Override
    public SecretToken successorOf(SecretToken token) {
        return SecretToken.presented(token.hash().hex());
    }
}
