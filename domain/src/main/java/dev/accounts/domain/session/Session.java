package dev.accounts.domain.session;

import dev.accounts.domain.token.TokenHash;
import dev.accounts.domain.user.UserId;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One sign-in and the refresh tokens that descend from it. The session decides every transition itself:
 * each token is good for one rotation; a token presented again within the grace interval of its rotation
 * is a client racing itself and is forgiven; presented later it is the mark of a stolen copy, and the whole
 * session ends. A session also ends at its fixed expiry, however often it is refreshed, and when revoked.
 * Persistence stores the state a transition returns, checked against {@link #version()}: of two racing
 * transitions one wins, and the other decides again on what the winner stored.
 *
 * @param current           the hash of the one token that may be rotated now
 * @param recentlyReplaced  tokens rotated within the grace interval, newest last, at most {@value #REPLACEMENTS_KEPT};
 *                          older ones are only reuse
 * @param version           the state's version, for optimistic concurrency
 */
public record Session(SessionId id, UserId user, Instant expiresAt, TokenHash current, List<Replaced> recentlyReplaced,
                      Optional<Instant> revokedAt, long version) {

    /**
     * How many rotated tokens within the grace interval are remembered, newest first kept. A client racing
     * itself rotates a few times in that interval, not dozens; one rotating as fast as it can (a benchmark,
     * or a thief testing a stolen token) would otherwise grow the session without bound.
     */
    static final int REPLACEMENTS_KEPT = 8;

    public Session {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(expiresAt, "expiresAt");
        Objects.requireNonNull(current, "current");
        Objects.requireNonNull(revokedAt, "revokedAt");
        recentlyReplaced = List.copyOf(recentlyReplaced);
    }

    /** A token of this session that has been rotated, and when. */
    public record Replaced(TokenHash token, Instant at) {
    }

    public static Session start(UserId user, TokenHash first, Instant now, RefreshPolicy policy) {
        return new Session(SessionId.random(), user, policy.sessionExpiry(now), first, List.of(), Optional.empty(), 0);
    }

    /**
     * What presenting {@code presented}, a token of this session, means now.
     *
     * @param successor the hash of the token that replaces {@code presented} if it is rotated; the same for
     *                  every presentation of one token, so that replays converge on one successor
     */
    public Refresh refresh(TokenHash presented, TokenHash successor, Instant now, RefreshPolicy policy) {
        if (revokedAt.isPresent()) {
            return new Refresh.Refused(Refresh.Reason.REVOKED);
        }
        if (!now.isBefore(expiresAt)) {
            return new Refresh.Refused(Refresh.Reason.EXPIRED);
        }
        if (presented.equals(current)) {
            List<Replaced> replaced = new ArrayList<>(recentlyReplaced.stream().filter(r -> policy.withinGrace(r.at(), now)).toList());
            replaced.add(new Replaced(presented, now));
            List<Replaced> kept = replaced.subList(Math.max(0, replaced.size() - REPLACEMENTS_KEPT), replaced.size());
            return new Refresh.Rotated(new Session(id, user, expiresAt, successor, kept, revokedAt, version));
        }
        boolean forgiven = recentlyReplaced.stream().anyMatch(r -> r.token().equals(presented) && policy.withinGrace(r.at(), now));
        return forgiven ? new Refresh.Replayed(this) : new Refresh.ReuseDetected(revoke(now));
    }

    /** Ends the session; ending an ended one changes nothing. */
    public Session revoke(Instant now) {
        return revokedAt.isPresent() ? this : new Session(id, user, expiresAt, current, recentlyReplaced, Optional.of(now), version);
    }

    /** Whether {@code user}'s access token naming this session is still to be honoured. */
    public boolean isActiveFor(UserId user, Instant now) {
        return this.user.equals(user) && revokedAt.isEmpty() && now.isBefore(expiresAt);
    }
}
