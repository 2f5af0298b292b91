package dev.accounts.application.testing;

import dev.accounts.application.port.out.Outbox;
import dev.accounts.application.port.out.Outbox.Pending;
import dev.accounts.domain.messages.AccountMessage;
import dev.accounts.domain.testing.Emails;
import dev.accounts.domain.token.SecretToken;
import dev.accounts.domain.user.EmailAddress;
import dev.accounts.domain.user.UserId;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** What every {@link Outbox} must do; each adapter's test extends this. */
public abstract class OutboxContract {

    protected static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.MICROS);
    private static final Duration LEASE = Duration.ofSeconds(30);

    protected abstract Outbox outbox();

    /** A user the messages may belong to (the database requires one to exist); a new one each call. */
    protected abstract UserId existingUser();

    private static AccountMessage verification(UserId user) {
        return new AccountMessage.VerifyEmail(user, Emails.email("zoe@example.com"), "Zoë", SecretToken.random());
    }

    /** Claims from a clean slate: earlier tests' messages, due long ago, are settled first. */
    private List<Pending> claimAll(Instant now) {
        return outbox().claimDue(1000, now, LEASE).collectList().block();
    }

    @Test
    void keepsTheMessageWithItsSecretAndGivesItToOneClaimantUntilTheLeaseEnds() {
        UserId user = existingUser();
        AccountMessage message = verification(user);
        outbox().enqueue(message, NOW).block();

        List<Pending> claimed = claimAll(NOW.plusSeconds(1));
        Pending mine = claimed.stream().filter(pending -> pending.message().user().equals(user)).findFirst().orElseThrow();

        assertThat(mine.message()).usingRecursiveComparison().isEqualTo(message);
        assertThat(mine.attempts()).isZero();
        assertThat(claimAll(NOW.plusSeconds(2))).extracting(Pending::id).doesNotContain(mine.id());
        assertThat(claimAll(NOW.plus(LEASE).plusSeconds(2))).extracting(Pending::id).contains(mine.id());
    }

    @Test
    void aDeliveredMessageIsNeverClaimedAgainAndARetriedOneOnlyWhenDue() {
        UserId user = existingUser();
        outbox().enqueue(verification(user), NOW).then(outbox().enqueue(verification(user), NOW)).block();
        List<Pending> mine = claimAll(NOW.plusSeconds(1)).stream().filter(pending -> pending.message().user().equals(user)).toList();
        assertThat(mine).hasSize(2);

        outbox().delivered(mine.get(0).id(), NOW.plusSeconds(1)).then(outbox().retryAt(mine.get(1).id(), 1, NOW.plusSeconds(10))).block();

        assertThat(claimAll(NOW.plusSeconds(5))).extracting(Pending::id).doesNotContain(mine.get(0).id(), mine.get(1).id());
        List<Pending> later = claimAll(NOW.plusSeconds(11));
        assertThat(later).extracting(Pending::id).contains(mine.get(1).id()).doesNotContain(mine.get(0).id());
        assertThat(later.stream().filter(pending -> pending.id().equals(mine.get(1).id())).findFirst().orElseThrow().attempts()).isEqualTo(1);
    }

    @Test
    void concurrentClaimantsNeverShareAMessage() {
        UserId user = existingUser();
        Flux.range(0, 20).concatMap(i -> outbox().enqueue(verification(user), NOW)).blockLast();

        List<Pending> claimed = Flux.range(0, 8)
                .flatMap(i -> outbox().claimDue(5, NOW.plusSeconds(100), LEASE).subscribeOn(Schedulers.parallel()))
                .collectList().block();

        assertThat(claimed).extracting(Pending::id).doesNotHaveDuplicates();
        assertThat(claimed.stream().filter(pending -> pending.message().user().equals(user))).hasSize(20);
    }

    @Test
    void countsTheMessagesOfAKindToAnAddressSinceAnInstantWhoeverTheyWereFor() {
        EmailAddress inbox = Emails.email("counted-" + UUID.randomUUID() + "@example.com");
        UserId deleted = existingUser();
        outbox().enqueue(new AccountMessage.VerifyEmail(deleted, inbox, "Zoë", SecretToken.random()), NOW.minusSeconds(3600))
                .then(outbox().enqueue(new AccountMessage.VerifyEmail(deleted, inbox, "Zoë", SecretToken.random()), NOW))
                .then(outbox().enqueue(new AccountMessage.PasswordChanged(deleted, inbox, "Zoë"), NOW))
                .then(outbox().enqueue(new AccountMessage.VerifyEmail(existingUser(), inbox, "Zoë", SecretToken.random()), NOW))
                .block();
        claimAll(NOW.plusSeconds(1)).stream().filter(pending -> pending.message().to().equals(inbox))
                .forEach(pending -> outbox().delivered(pending.id(), NOW.plusSeconds(1)).block());

        outbox().forget(deleted).block();

        assertThat(outbox().countSent(inbox, AccountMessage.Kind.VERIFY_EMAIL, NOW.minusSeconds(60)).block()).isEqualTo(2);
        assertThat(outbox().countSent(inbox, AccountMessage.Kind.PASSWORD_CHANGED, NOW.minusSeconds(60)).block()).isEqualTo(1);
        assertThat(outbox().countSent(Emails.email("other-" + UUID.randomUUID() + "@example.com"), AccountMessage.Kind.VERIFY_EMAIL,
                NOW.minusSeconds(60)).block()).isZero();
    }

    @Test
    void deletesAUsersUndeliveredMessagesAndForgetsSettledOnes() {
        UserId leaving = existingUser();
        UserId staying = existingUser();
        outbox().enqueue(verification(leaving), NOW).then(outbox().enqueue(verification(staying), NOW)).block();

        outbox().forget(leaving).block();

        List<Pending> claimed = claimAll(NOW.plusSeconds(200));
        assertThat(claimed).noneMatch(pending -> pending.message().user().equals(leaving));
        Pending stayingMessage = claimed.stream().filter(pending -> pending.message().user().equals(staying)).findFirst().orElseThrow();
        outbox().abandoned(stayingMessage.id(), NOW.plusSeconds(200)).block();
        assertThat(outbox().forgetSettledBefore(NOW.plusSeconds(300)).block()).isPositive();
    }

    @Test
    void countsTheMessagesStillToBeSentAndKnowsWhenTheOldestWasEnqueued() {
        // Claiming settles what can never be sent (an adapter may give up on it then): done first, it cannot move the counts below.
        claimAll(NOW.plusSeconds(400));
        Outbox.Backlog before = outbox().backlog().block();
        Instant longAgo = NOW.minus(Duration.ofDays(3650));
        UserId user = existingUser();
        outbox().enqueue(verification(user), longAgo).then(outbox().enqueue(verification(user), NOW)).block();

        Outbox.Backlog waiting = outbox().backlog().block();
        List<Pending> claimed = claimAll(NOW.plusSeconds(400)).stream().filter(pending -> pending.message().user().equals(user)).toList();
        Outbox.Backlog whileClaimed = outbox().backlog().block();
        outbox().delivered(claimed.get(0).id(), NOW.plusSeconds(400)).then(outbox().abandoned(claimed.get(1).id(), NOW.plusSeconds(400)))
                .block();
        Outbox.Backlog settled = outbox().backlog().block();

        assertThat(waiting.messages()).isEqualTo(before.messages() + 2);
        assertThat(waiting.oldestCreatedAt()).contains(longAgo);
        assertThat(whileClaimed.messages()).isEqualTo(waiting.messages());
        assertThat(settled.messages()).isEqualTo(before.messages());
        assertThat(settled.oldestCreatedAt()).isEqualTo(before.oldestCreatedAt());
    }
}
