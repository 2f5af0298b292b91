package dev.accounts.domain.messages;

import dev.accounts.domain.credentials.PasswordHash;
import dev.accounts.domain.testing.Emails;
import dev.accounts.domain.token.SecretToken;
import dev.accounts.domain.user.PersonName;
import dev.accounts.domain.user.User;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class AccountMessageTest {

    private final User unverified = User.register(Emails.email("ada@example.com"),
            new PersonName("Visit https://evil.example now", null), new PasswordHash("{fake}x"), Clock.systemUTC());

    @Test
    void greetsNobodyByANameAStrangerMayHaveChosen() {
        assertThat(AccountMessage.verifyEmail(unverified, SecretToken.random()).firstName()).isNull();
        assertThat(AccountMessage.resetPassword(unverified, SecretToken.random()).firstName()).isNull();
        assertThat(AccountMessage.signUpAttempted(unverified).firstName()).isNull();
        assertThat(AccountMessage.passwordChanged(unverified).firstName()).isNull();
    }

    @Test
    void greetsByNameOnceTheAddressIsProven() {
        User verified = unverified.emailVerified(Instant.now());

        assertThat(AccountMessage.resetPassword(verified, SecretToken.random()).firstName()).isEqualTo("Visit https://evil.example now");
        assertThat(AccountMessage.passwordChanged(verified).kind()).isEqualTo(AccountMessage.Kind.PASSWORD_CHANGED);
        assertThat(AccountMessage.passwordChanged(verified).to()).isEqualTo(verified.email());
    }
}
