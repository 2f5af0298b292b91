package dev.accounts.domain.token;

import dev.accounts.domain.token.OneTimeToken.Purpose;
import dev.accounts.domain.user.UserId;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class OneTimeTokenTest {

    private static final Instant NOW = Instant.parse("2026-11-26T10:00:00Z");

    @Test
    void keepsOnlyTheHashOfARandomSecret() {
        OneTimeToken.Issued one = OneTimeToken.issue(UserId.random(), Purpose.VERIFY_EMAIL, NOW);
        OneTimeToken.Issued other = OneTimeToken.issue(UserId.random(), Purpose.VERIFY_EMAIL, NOW);

        assertThat(one.token().hash()).isEqualTo(one.secret().hash());
        assertThat(one.secret().value()).hasSize(43).isNotEqualTo(other.secret().value());
        assertThat(one.token().hash().hex()).doesNotContain(one.secret().value());
    }

    @Test
    void aVerificationLinkLastsADayAndAResetLinkHalfAnHour() {
        OneTimeToken verification = OneTimeToken.issue(UserId.random(), Purpose.VERIFY_EMAIL, NOW).token();
        OneTimeToken reset = OneTimeToken.issue(UserId.random(), Purpose.RESET_PASSWORD, NOW).token();

        assertThat(verification.isUsableFor(Purpose.VERIFY_EMAIL, NOW.plus(Duration.ofHours(24)).minusMillis(1))).isTrue();
        assertThat(verification.isUsableFor(Purpose.VERIFY_EMAIL, NOW.plus(Duration.ofHours(24)))).isFalse();
        assertThat(reset.isUsableFor(Purpose.RESET_PASSWORD, NOW.plus(Duration.ofMinutes(30)).minusMillis(1))).isTrue();
        assertThat(reset.isUsableFor(Purpose.RESET_PASSWORD, NOW.plus(Duration.ofMinutes(30)))).isFalse();
    }

    @Test
    void isUsableOnlyForItsOwnPurpose() {
        OneTimeToken reset = OneTimeToken.issue(UserId.random(), Purpose.RESET_PASSWORD, NOW).token();

        assertThat(reset.isUsableFor(Purpose.VERIFY_EMAIL, NOW)).isFalse();
    }
}
