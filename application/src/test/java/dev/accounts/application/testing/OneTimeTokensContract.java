package dev.accounts.application.testing;

import dev.accounts.application.port.out.OneTimeTokens;
import dev.accounts.domain.token.OneTimeToken;
import dev.accounts.domain.token.OneTimeToken.Purpose;
import dev.accounts.domain.user.UserId;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** What every {@link OneTimeTokens} must do; each adapter's test extends this. */
public abstract class OneTimeTokensContract {

    protected static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.MICROS);

    protected abstract OneTimeTokens tokens();

    /** A user the tokens may belong to (the database requires one to exist); a new one each call. */
    protected abstract UserId existingUser();

    @Test
    void findsATokenByItsHashAndTakesItOnce() {
        OneTimeToken token = OneTimeToken.issue(existingUser(), Purpose.VERIFY_EMAIL, NOW).token();
        tokens().replace(token).block();

        assertThat(tokens().find(token.hash()).block()).isEqualTo(token);
        assertThat(tokens().take(token.hash()).block()).isEqualTo(token);
        assertThat(tokens().take(token.hash()).block()).isNull();
        assertThat(tokens().find(token.hash()).block()).isNull();
    }

    @Test
    void aNewerTokenSupersedesTheOlderOfTheSamePurposeOnly() {
        UserId user = existingUser();
        OneTimeToken older = OneTimeToken.issue(user, Purpose.RESET_PASSWORD, NOW).token();
        OneTimeToken verification = OneTimeToken.issue(user, Purpose.VERIFY_EMAIL, NOW).token();
        OneTimeToken newer = OneTimeToken.issue(user, Purpose.RESET_PASSWORD, NOW.plusSeconds(1)).token();
        tokens().replace(older).then(tokens().replace(verification)).then(tokens().replace(newer)).block();

        assertThat(tokens().find(older.hash()).block()).isNull();
        assertThat(tokens().find(newer.hash()).block()).isEqualTo(newer);
        assertThat(tokens().find(verification.hash()).block()).isEqualTo(verification);
    }

    @Test
    void exactlyOneOfManyConcurrentTakesGetsTheToken() {
        OneTimeToken token = OneTimeToken.issue(existingUser(), Purpose.RESET_PASSWORD, NOW).token();
        tokens().replace(token).block();

        var taken = Flux.range(0, 8).flatMap(i -> tokens().take(token.hash()).subscribeOn(Schedulers.parallel())).collectList().block();

        assertThat(taken).containsExactly(token);
    }

    @Test
    void revokesOnlyTheTokenOfOnePurpose() {
        UserId user = existingUser();
        OneTimeToken reset = OneTimeToken.issue(user, Purpose.RESET_PASSWORD, NOW).token();
        OneTimeToken verification = OneTimeToken.issue(user, Purpose.VERIFY_EMAIL, NOW).token();
        tokens().replace(reset).then(tokens().replace(verification)).block();

        tokens().revoke(user, Purpose.RESET_PASSWORD).block();

        assertThat(tokens().find(reset.hash()).block()).isNull();
        assertThat(tokens().find(verification.hash()).block()).isEqualTo(verification);
    }

    @Test
    void deletesEveryTokenOfAUser() {
        UserId user = existingUser();
        OneTimeToken reset = OneTimeToken.issue(user, Purpose.RESET_PASSWORD, NOW).token();
        OneTimeToken verification = OneTimeToken.issue(user, Purpose.VERIFY_EMAIL, NOW).token();
        OneTimeToken someoneElses = OneTimeToken.issue(existingUser(), Purpose.VERIFY_EMAIL, NOW).token();
        tokens().replace(reset).then(tokens().replace(verification)).then(tokens().replace(someoneElses)).block();

        tokens().deleteAllOf(user).block();

        assertThat(tokens().find(reset.hash()).block()).isNull();
        assertThat(tokens().find(verification.hash()).block()).isNull();
        assertThat(tokens().find(someoneElses.hash()).block()).isEqualTo(someoneElses);
    }
}
