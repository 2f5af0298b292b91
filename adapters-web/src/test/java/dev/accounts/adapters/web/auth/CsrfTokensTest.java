package dev.accounts.adapters.web.auth;

import dev.accounts.domain.session.SessionId;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class CsrfTokensTest {

    private final CsrfTokens tokens = new CsrfTokens("0123456789abcdef0123456789abcdef".getBytes());

    @Test
    void verifiesItsOwnTokenAndNamesTheSession() {
        SessionId session = SessionId.random();

        assertThat(tokens.verify(tokens.issue(session))).contains(session);
    }

    @Test
    void refusesForgedAndMalformedTokens() {
        SessionId session = SessionId.random();
        String other = new CsrfTokens("another secret of thirty-two bytes!".getBytes()).issue(session);

        assertThat(tokens.verify(other)).isEmpty();
        assertThat(tokens.verify(session.value().toString())).isEmpty();
        assertThat(tokens.verify(SessionId.random().value() + tokens.issue(session).substring(36))).isEmpty();
        assertThat(tokens.verify(null)).isEmpty();
        assertThat(tokens.verify("x".repeat(10_000))).isEmpty();
    }

    @Test
    void needsA256BitSecret() {
        assertThatIllegalArgumentException().isThrownBy(() -> new CsrfTokens(new byte[16]));
    }
}
