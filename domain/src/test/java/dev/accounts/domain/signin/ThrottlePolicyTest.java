package dev.accounts.domain.signin;

import dev.accounts.domain.testing.Emails;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class ThrottlePolicyTest {

    private static final Instant LAST_FAILURE = Instant.parse("2026-11-26T10:00:00Z");
    private final ThrottlePolicy policy = ThrottlePolicy.standard();

    @Test
    void letsFourFailuresPassFreely() {
        assertThat(policy.remainingWait(new FailureRecord(4, LAST_FAILURE), LAST_FAILURE)).isEmpty();
        // even when the stored time is a hair later than now (the database rounds to microseconds)
        assertThat(policy.remainingWait(new FailureRecord(4, LAST_FAILURE.plusNanos(500)), LAST_FAILURE)).isEmpty();
    }

    @Test
    void doublesTheWaitFromOneSecondAfterTheFifthFailure() {
        assertThat(policy.delayAfter(5)).isEqualTo(Duration.ofSeconds(1));
        assertThat(policy.delayAfter(6)).isEqualTo(Duration.ofSeconds(2));
        assertThat(policy.delayAfter(7)).isEqualTo(Duration.ofSeconds(4));
        assertThat(policy.delayAfter(14)).isEqualTo(Duration.ofSeconds(512));
        assertThat(policy.delayAfter(15)).isEqualTo(Duration.ofMinutes(15));
        assertThat(policy.delayAfter(Integer.MAX_VALUE)).isEqualTo(Duration.ofMinutes(15));
    }

    @Test
    void tellsHowMuchOfTheWaitRemains() {
        FailureRecord six = new FailureRecord(6, LAST_FAILURE);

        assertThat(policy.remainingWait(six, LAST_FAILURE.plusMillis(500))).contains(Duration.ofMillis(1500));
        assertThat(policy.remainingWait(six, LAST_FAILURE.plusSeconds(2))).isEmpty();
    }

    @Property
    void neverWaitsLessAfterMoreFailures(@ForAll @IntRange(min = 0, max = 100) int failures) {
        assertThat(policy.delayAfter(failures + 1)).isGreaterThanOrEqualTo(policy.delayAfter(failures));
        assertThat(policy.delayAfter(failures)).isLessThanOrEqualTo(Duration.ofMinutes(15));
    }

    @Test
    void keysByTheNormalisedEmailOrNothing() {
        assertThat(SignInKey.of(" Ada@Example.COM ", Emails.ADDRESSES)).contains("ada@example.com");
        assertThat(SignInKey.of("not an email", Emails.ADDRESSES)).isEmpty();
        assertThat(SignInKey.of(null, Emails.ADDRESSES)).isEmpty();
    }
}
