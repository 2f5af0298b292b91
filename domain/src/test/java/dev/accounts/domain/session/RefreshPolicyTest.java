package dev.accounts.domain.session;

import dev.accounts.domain.user.UserId;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static dev.accounts.domain.session.RefreshPolicy.Decision.EXPIRED;
import static dev.accounts.domain.session.RefreshPolicy.Decision.REPLAY_WITHIN_GRACE;
import static dev.accounts.domain.session.RefreshPolicy.Decision.REUSE;
import static dev.accounts.domain.session.RefreshPolicy.Decision.REVOKED;
import static dev.accounts.domain.session.RefreshPolicy.Decision.ROTATE;
import static org.assertj.core.api.Assertions.assertThat;

class RefreshPolicyTest {

    private static final Instant SIGNED_IN = Instant.parse("2026-11-26T10:00:00Z");
    private final RefreshPolicy policy = new RefreshPolicy(Duration.ofDays(14), Duration.ofSeconds(10));

    private StoredRefreshToken fresh() {
        return StoredRefreshToken.issue(RefreshToken.random(), UserId.random(), SessionId.random(), SIGNED_IN, policy.sessionExpiry(SIGNED_IN));
    }

    private static StoredRefreshToken rotatedAt(StoredRefreshToken token, Instant at) {
        return new StoredRefreshToken(token.id(), token.userId(), token.session(), token.tokenHash(), token.issuedAt(),
                token.expiresAt(), java.util.UUID.randomUUID(), at, null);
    }

    @Test
    void rotatesAnUnusedTokenUntilTheSessionEnds() {
        assertThat(policy.decide(fresh(), SIGNED_IN.plus(Duration.ofDays(13)))).isEqualTo(ROTATE);
        assertThat(policy.decide(fresh(), SIGNED_IN.plus(Duration.ofDays(14)))).isEqualTo(EXPIRED);
    }

    @Test
    void forgivesAReplayWithinTheGraceIntervalOnly() {
        Instant rotated = SIGNED_IN.plus(Duration.ofHours(1));
        StoredRefreshToken used = rotatedAt(fresh(), rotated);

        assertThat(policy.decide(used, rotated.plusSeconds(9))).isEqualTo(REPLAY_WITHIN_GRACE);
        assertThat(policy.decide(used, rotated.plusSeconds(10))).isEqualTo(REUSE);
    }

    @Test
    void refusesARevokedToken() {
        StoredRefreshToken token = fresh();
        StoredRefreshToken revoked = new StoredRefreshToken(token.id(), token.userId(), token.session(), token.tokenHash(),
                token.issuedAt(), token.expiresAt(), null, null, SIGNED_IN.plusSeconds(5));

        assertThat(policy.decide(revoked, SIGNED_IN.plusSeconds(6))).isEqualTo(REVOKED);
    }

    @Test
    void storesOnlyTheTokensHash() {
        RefreshToken token = RefreshToken.random();

        assertThat(token.value()).hasSize(43);
        assertThat(token.hash()).hasSize(64).isNotEqualTo(token.value()).isEqualTo(RefreshToken.presented(token.value()).hash());
        assertThat(token).hasToString("RefreshToken[******]");
    }
}
