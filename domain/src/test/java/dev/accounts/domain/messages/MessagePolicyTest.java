package dev.accounts.domain.messages;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class MessagePolicyTest {

    private static final Instant CREATED = Instant.parse("2026-11-26T10:00:00Z");
    private final MessagePolicy policy = MessagePolicy.STANDARD;

    @Test
    void retriesWithDoublingWaitsUpToTheCap() {
        Instant now = CREATED.plusSeconds(60);

        assertThat(policy.nextAttempt(1, CREATED, now)).contains(now.plusSeconds(5));
        assertThat(policy.nextAttempt(2, CREATED, now)).contains(now.plusSeconds(10));
        assertThat(policy.nextAttempt(3, CREATED, now)).contains(now.plusSeconds(20));
        assertThat(policy.nextAttempt(12, CREATED, now)).contains(now.plus(Duration.ofMinutes(10)));
        assertThat(policy.nextAttempt(500, CREATED, now)).contains(now.plus(Duration.ofMinutes(10)));
    }

    @Test
    void givesUpOnAMessageOlderThanTwoDays() {
        assertThat(policy.nextAttempt(3, CREATED, CREATED.plus(Duration.ofDays(2)).minusSeconds(1))).isPresent();
        assertThat(policy.nextAttempt(3, CREATED, CREATED.plus(Duration.ofDays(2)))).isEmpty();
    }

    @Test
    void allowsFiveMessagesPerAccountInAWindow() {
        assertThat(policy.allowsAnother(4)).isTrue();
        assertThat(policy.allowsAnother(5)).isFalse();
    }
}
