package dev.accounts.domain.user;

import java.util.Optional;

/** A user's optional first and last names; an absent part is null, never blank. */
public record PersonName(String first, String last) {

    public static final PersonName NONE = new PersonName(null, null);

    public PersonName {
        if (first != null && first.isBlank() || last != null && last.isBlank()) {
            throw new IllegalArgumentException("a name part is absent or has text, never blank");
        }
    }

    public Optional<String> firstName() {
        return Optional.ofNullable(first);
    }

    public Optional<String> lastName() {
        return Optional.ofNullable(last);
    }
}
