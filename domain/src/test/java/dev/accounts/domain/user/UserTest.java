package dev.accounts.domain.user;

import dev.accounts.domain.credentials.PasswordHash;
import dev.accounts.domain.testing.Emails;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

class UserTest {

    private static final Instant NOW = Instant.parse("2026-11-26T10:00:00Z");
    private final User user = User.register(Emails.email("ada@example.com"), new PersonName("Ada", "Lovelace"),
            new PasswordHash("{fake}one"), Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void aNewUserIsUnverifiedAtTheFirstVersion() {
        assertThat(user.isEmailVerified()).isFalse();
        assertThat(user.version()).isZero();
    }

    @Test
    void eachChangeIsTheNextVersion() {
        User verified = user.emailVerified(NOW.plusSeconds(1));
        User changed = verified.passwordChanged(new PasswordHash("{fake}two"));

        assertThat(verified.emailVerifiedAt()).contains(NOW.plusSeconds(1));
        assertThat(verified.version()).isEqualTo(1);
        assertThat(changed.version()).isEqualTo(2);
        assertThat(changed.passwordHash()).isEqualTo(new PasswordHash("{fake}two"));
        assertThat(changed.emailVerifiedAt()).contains(NOW.plusSeconds(1));
    }

    @Test
    void verifyingAgainChangesNothing() {
        User verified = user.emailVerified(NOW.plusSeconds(1));

        assertThat(verified.emailVerified(NOW.plusSeconds(60))).isSameAs(verified);
    }

    @Test
    void aResetThroughTheMailedLinkVerifiesTheAddressToo() {
        User reset = user.passwordReset(new PasswordHash("{fake}two"), NOW.plusSeconds(5));

        assertThat(reset.emailVerifiedAt()).contains(NOW.plusSeconds(5));
        assertThat(reset.version()).isEqualTo(1);
        assertThat(reset.emailVerified(NOW.plusSeconds(9)).emailVerifiedAt()).contains(NOW.plusSeconds(5));
    }

    @Test
    void namesTheWordsAPasswordMustNotLeanOn() {
        assertThat(user.identifyingWords()).containsExactly("ada@example.com", "ada", "Ada", "Lovelace");
    }
}
