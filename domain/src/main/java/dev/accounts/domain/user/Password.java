package dev.accounts.domain.user;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.Objects;

/**
 * A password in Unicode normal form NFKC, so that the same characters typed on different devices
 * (composed or decomposed, full-width or not) check and hash the same.
 */
public final class Password {

    private final String text;

    private Password(String text) {
        this.text = text;
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

    /** Lone surrogates cannot be encoded, so two different inputs would hash alike. */
    public boolean isWellFormed() {
        return Text.isWellFormed(text);
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
