package dev.accounts.application.testing;

import dev.accounts.application.port.out.SignInThrottle;
import dev.accounts.domain.signin.FailureRecord;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** What every {@link SignInThrottle} must do; each adapter's test extends this. */
public abstract class SignInThrottleContract {

    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.MICROS);

    protected abstract SignInThrottle throttle();

    private static String anyKey() {
        return "user-" + UUID.randomUUID() + "@example.com";
    }

    @Test
    void countsConsecutiveFailuresWithTheLastOnesTime() {
        String key = anyKey();

        throttle().recordFailure(key, NOW).block();
        FailureRecord second = throttle().recordFailure(key, NOW.plusSeconds(3)).block();

        assertThat(second).isEqualTo(new FailureRecord(2, NOW.plusSeconds(3)));
        assertThat(throttle().failures(key).block()).isEqualTo(second);
        assertThat(throttle().failures(anyKey()).block()).isNull();
    }

    @Test
    void addsUpConcurrentFailures() {
        String key = anyKey();

        Flux.range(0, 20).flatMap(i -> throttle().recordFailure(key, NOW).subscribeOn(Schedulers.parallel())).blockLast();

        assertThat(throttle().failures(key).block().consecutiveFailures()).isEqualTo(20);
    }

    @Test
    void forgetsFailuresOnReset() {
        String key = anyKey();
        throttle().recordFailure(key, NOW).block();

        throttle().reset(key).block();

        assertThat(throttle().failures(key).block()).isNull();
    }

    @Test
    void forgetsOldFailuresOnly() {
        String old = anyKey();
        String recent = anyKey();
        throttle().recordFailure(old, NOW.minusSeconds(100)).then(throttle().recordFailure(recent, NOW)).block();

        throttle().forgetFailuresBefore(NOW.minusSeconds(50)).block();

        assertThat(throttle().failures(old).block()).isNull();
        assertThat(throttle().failures(recent).block()).isNotNull();
    }
}
