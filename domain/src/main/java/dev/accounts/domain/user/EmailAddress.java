package dev.accounts.domain.user;

import java.util.Locale;
import java.util.Objects;

/**
 * An email address as the person typed it, trimmed, and the key that identifies its account. Addresses are
 * read by {@link EmailAddresses}, which checks them and computes the key; stored ones come back with
 * the key they were stored under.
 *
 * @param value the address as typed, trimmed
 * @param key   lower-cased local part and ASCII domain: "Alice@Example.com", "alice@example.COM" and
 *              "alice@EXAMPLE.com" are one account, and so are an internationalised domain and its A-label form
 */
public record EmailAddress(String value, String key) {

    public EmailAddress {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(key, "key");
        if (value.isBlank() || value.indexOf('@') <= 0 || !key.equals(key.toLowerCase(Locale.ROOT)) || key.indexOf('@') <= 0) {
            throw new IllegalArgumentException("not an email address and its key"); // callers check with EmailAddresses first
        }
    }

    /** The part before the {@code @}, as typed. */
    public String localPart() {
        return value.substring(0, value.lastIndexOf('@'));
    }
}
