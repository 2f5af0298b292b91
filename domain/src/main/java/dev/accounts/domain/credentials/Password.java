package dev.accounts.domain.credentials;

import dev.accounts.domain.validation.Text;
import dev.accounts.domain.validation.Violation;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.Objects;
import java.util.Optional;

/**
 * A password in Unicode normal form NFKC, so that the same characters typed on different devices
 * (composed or decomposed, full-width or not) check and hash the same.
 */
public final class Password {

    private final String text;

    private Password(String text) {
        this.text = text;
    }

    /**
     * Why {@code raw} cannot be a password at all, whether chosen or presented at sign-in: missing, or
     * holding a lone surrogate, which no encoder can store faithfully (two inputs would hash alike).
     */
    public static Optional<Violation> unusable(String raw) {
        if (raw == null || raw.isEmpty()) {
            return Optional.of(new Violation("password", "password.required", "Password is required."));
        }
        if (!Text.isWellFormed(Normalizer.normalize(raw, Normalizer.Form.NFKC))) {
            return Optional.of(new Violation("password", "password.invalid", "Password must not contain broken Unicode (unpaired surrogates)."));
        }
        return Optional.empty();
    }

    public static Password normalise(String raw) {
        Objects.requireNonNull(raw, "raw");
        return new Password(Normalizer.normalize(raw, Normalizer.Form.NFKC));
    }

    public String text() {
        return text;
    }

    /** Characters as a person counts them: an emoji outside the BMP is one, not two. */
    public int length() {
        return text.codePointCount(0, text.length());
    }

    public int utf8Length() {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }

    public boolean containsIgnoringCase(String fragment) {
        return Text.containsIgnoringCase(text, fragment);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Password password && text.equals(password.text);
    }

    @Override
    public int hashCode() {
        return text.hashCode();
    }

    @Override
    public String toString() {
        return "Password[******]"; // never printed, never logged
    }
}
