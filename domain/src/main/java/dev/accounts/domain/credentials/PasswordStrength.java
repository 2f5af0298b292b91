package dev.accounts.domain.credentials;

import java.util.List;
import java.util.Objects;

/**
 * How hard a password is to guess, on zxcvbn's scale from 0 (guessed at once) to 4 (very hard),
 * with advice for the person who chose it.
 */
public record PasswordStrength(int score, String warning, List<String> suggestions) {

    /** zxcvbn's "safely unguessable: moderate protection from offline slow-hash scenario". */
    public static final int ACCEPTABLE_SCORE = 3;

    public PasswordStrength {
        if (score < 0 || score > 4) {
            throw new IllegalArgumentException("score " + score + " is not within [0, 4]");
        }
        warning = warning == null ? "" : warning;
        suggestions = List.copyOf(Objects.requireNonNull(suggestions, "suggestions"));
    }

    public boolean isAcceptable() {
        return score >= ACCEPTABLE_SCORE;
    }
}
