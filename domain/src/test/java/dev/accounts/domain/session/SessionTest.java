package dev.accounts.domain.session;

import dev.accounts.domain.token.SecretToken;
import dev.accounts.domain.token.TokenHash;
import dev.accounts.domain.user.UserId;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class SessionTest {

    private static final Instant SIGNED_IN = Instant.parse("2026-11-26T10:00:00Z");
    private final RefreshPolicy policy = new RefreshPolicy(Duration.ofDays(14), Duration.ofSeconds(10));
    private final TokenHash first = SecretToken.random().hash();
    private final TokenHash second = SecretToken.random().hash();
    private final TokenHash third = SecretToken.random().hash();
    private final UserId ada = UserId.random();
    private final Session session = Session.start(ada, first, SIGNED_IN, policy);

    private Session rotated(Session session, TokenHash presented, TokenHash successor, Instant at) {
        return ((Refresh.Rotated) session.refresh(presented, successor, at, policy)).session();
    }

    @Test
    void rotatesTheCurrentTokenUntilTheSessionEnds() {
        assertThat(session.refresh(first, second, SIGNED_IN.plus(Duration.ofDays(13)), policy))
                .isInstanceOfSatisfying(Refresh.Rotated.class, rotated -> assertThat(rotated.session().current()).isEqualTo(second));
        assertThat(session.refresh(first, second, SIGNED_IN.plus(Duration.ofDays(14)), policy))
                .isEqualTo(new Refresh.Refused(Refresh.Reason.EXPIRED));
    }

    @Test
    void forgivesAReplayWithinTheGraceIntervalOnly() {
        Instant rotatedAt = SIGNED_IN.plus(Duration.ofHours(1));
        Session afterRotation = rotated(session, first, second, rotatedAt);

        assertThat(afterRotation.refresh(first, second, rotatedAt.plusSeconds(9), policy)).isEqualTo(new Refresh.Replayed(afterRotation));
        assertThat(afterRotation.refresh(first, second, rotatedAt.plusSeconds(10), policy))
                .isInstanceOfSatisfying(Refresh.ReuseDetected.class, reuse -> assertThat(reuse.session().revokedAt()).contains(rotatedAt.plusSeconds(10)));
    }

    @Test
    void forgivesAnOlderTokenRotatedWithinGraceAndForgetsItAfterwards() {
        Session twice = rotated(rotated(session, first, second, SIGNED_IN), second, third, SIGNED_IN.plusSeconds(1));

        assertThat(twice.refresh(first, second, SIGNED_IN.plusSeconds(2), policy)).isInstanceOf(Refresh.Replayed.class);
        Session later = rotated(twice, third, SecretToken.random().hash(), SIGNED_IN.plusSeconds(20));
        assertThat(later.recentlyReplaced()).extracting(Session.Replaced::token).containsExactly(third);
        assertThat(later.refresh(first, second, SIGNED_IN.plusSeconds(21), policy)).isInstanceOf(Refresh.ReuseDetected.class);
    }

    @Test
    void remembersOnlyTheNewestReplacementsHoweverFastAClientRotates() {
        Session state = session;
        TokenHash presented = first;
        TokenHash ninthNewest = null;
        for (int i = 0; i < 20; i++) {
            TokenHash next = SecretToken.random().hash();
            state = rotated(state, presented, next, SIGNED_IN.plusMillis(i));
            if (i == 11) {
                ninthNewest = presented;
            }
            presented = next;
        }

        assertThat(state.recentlyReplaced()).hasSize(Session.REPLACEMENTS_KEPT);
        assertThat(state.refresh(ninthNewest, second, SIGNED_IN.plusSeconds(1), policy)).isInstanceOf(Refresh.ReuseDetected.class);
        assertThat(state.refresh(state.recentlyReplaced().getFirst().token(), second, SIGNED_IN.plusSeconds(1), policy))
                .isInstanceOf(Refresh.Replayed.class);
    }

    @Test
    void refusesEveryTokenOfARevokedSession() {
        Session revoked = session.revoke(SIGNED_IN.plusSeconds(5));

        assertThat(revoked.refresh(first, second, SIGNED_IN.plusSeconds(6), policy)).isEqualTo(new Refresh.Refused(Refresh.Reason.REVOKED));
        assertThat(revoked.revoke(SIGNED_IN.plusSeconds(7))).isEqualTo(revoked);
        assertThat(revoked.isActiveFor(ada, SIGNED_IN.plusSeconds(6))).isFalse();
    }

    @Test
    void isActiveOnlyForItsOwnUserUntilItEnds() {
        assertThat(session.isActiveFor(ada, SIGNED_IN.plusSeconds(1))).isTrue();
        assertThat(session.isActiveFor(UserId.random(), SIGNED_IN.plusSeconds(1))).isFalse();
        assertThat(session.isActiveFor(ada, SIGNED_IN.plus(Duration.ofDays(14)))).isFalse();
    }
}
