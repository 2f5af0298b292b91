package dev.accounts.domain.user;

/** Why a string is not an acceptable email address. */
public enum EmailProblem {
    /** Nothing but white space, or nothing at all. */
    MISSING,
    /** Longer than SMTP allows: 254 characters in all, 64 octets before the {@code @}, 63 per domain label. */
    TOO_LONG,
    /** Not a dot-atom local part, an {@code @}, and a domain name with at least one dot. */
    MALFORMED
}
