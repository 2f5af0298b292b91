package dev.accounts.domain.user;

import java.util.Locale;
import java.util.Optional;

/**
 * The practical subset of RFC 5321 that we accept: a dot-atom local part and a domain of
 * letter-digit-hyphen labels, internationalised domains converted to their ASCII form by {@link DomainNames}.
 * Quoted local parts, address literals and non-ASCII local parts (SMTPUTF8) are refused.
 * Written as plain loops: no regular expression, so no input can make it backtrack.
 */
final class EmailSyntax {

    static final int MAX_ADDRESS_LENGTH = 254;
    static final int MAX_LOCAL_PART_OCTETS = 64;
    static final int MAX_DOMAIN_LENGTH = 253;
    static final int MAX_LABEL_LENGTH = 63;

    private static final String ATEXT_SYMBOLS = "!#$%&'*+-/=?^_`{|}~";

    private final DomainNames domainNames;

    EmailSyntax(DomainNames domainNames) {
        this.domainNames = domainNames;
    }

    /** The problem with an already trimmed address, if any. */
    Optional<EmailProblem> problemWith(String address) {
        if (address.isEmpty()) {
            return Optional.of(EmailProblem.MISSING);
        }
        // Before any parsing, so that a huge input costs one comparison.
        if (address.length() > MAX_ADDRESS_LENGTH && address.codePointCount(0, address.length()) > MAX_ADDRESS_LENGTH) {
            return Optional.of(EmailProblem.TOO_LONG);
        }
        int at = address.lastIndexOf('@');
        if (at <= 0 || at == address.length() - 1) {
            return Optional.of(EmailProblem.MALFORMED);
        }
        String localPart = address.substring(0, at);
        if (!isDotAtom(localPart)) {
            return Optional.of(EmailProblem.MALFORMED);
        }
        if (localPart.length() > MAX_LOCAL_PART_OCTETS) { // ASCII only, so characters are octets
            return Optional.of(EmailProblem.TOO_LONG);
        }
        Optional<String> domain = asciiDomain(address.substring(at + 1));
        if (domain.isEmpty()) {
            // IDN refuses overlong labels too; name that problem rather than a vaguer one.
            return Optional.of(hasOverlongLabel(address.substring(at + 1)) ? EmailProblem.TOO_LONG : EmailProblem.MALFORMED);
        }
        if (domain.get().length() > MAX_DOMAIN_LENGTH || localPart.length() + 1 + domain.get().length() > MAX_ADDRESS_LENGTH) {
            return Optional.of(EmailProblem.TOO_LONG);
        }
        return domainLabelProblem(domain.get());
    }

    /** Lower-cased local part and ASCII domain of a valid address: one key per mailbox however it is typed. */
    String key(String address) {
        int at = address.lastIndexOf('@');
        String domain = asciiDomain(address.substring(at + 1)).orElseThrow();
        return (address.substring(0, at) + "@" + domain).toLowerCase(Locale.ROOT);
    }

    private static boolean isDotAtom(String localPart) {
        boolean previousWasDot = true; // a leading dot is as wrong as a double one
        for (int i = 0; i < localPart.length(); i++) {
            char c = localPart.charAt(i);
            if (c == '.') {
                if (previousWasDot) {
                    return false;
                }
                previousWasDot = true;
            } else if (isAtext(c)) {
                previousWasDot = false;
            } else {
                return false;
            }
        }
        return !previousWasDot;
    }

    private static boolean isAtext(char c) {
        return isAsciiLetterOrDigit(c) || ATEXT_SYMBOLS.indexOf(c) >= 0;
    }

    private static boolean isAsciiLetterOrDigit(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }

    private Optional<String> asciiDomain(String domain) {
        if (domain.length() > MAX_ADDRESS_LENGTH) {
            return Optional.empty();
        }
        return domainNames.toAscii(domain);
    }

    private static boolean hasOverlongLabel(String domain) {
        int labelStart = 0;
        for (int i = 0; i <= domain.length(); i++) {
            if (i == domain.length() || domain.charAt(i) == '.') {
                if (i - labelStart > MAX_LABEL_LENGTH) {
                    return true;
                }
                labelStart = i + 1;
            }
        }
        return false;
    }

    private static Optional<EmailProblem> domainLabelProblem(String domain) {
        String[] labels = domain.split("\\.", -1); // a one-character literal split, not a backtracking pattern
        if (labels.length < 2) {
            return Optional.of(EmailProblem.MALFORMED);
        }
        for (String label : labels) {
            if (label.length() > MAX_LABEL_LENGTH) {
                return Optional.of(EmailProblem.TOO_LONG);
            }
            if (!isLdhLabel(label)) {
                return Optional.of(EmailProblem.MALFORMED);
            }
        }
        String topLevel = labels[labels.length - 1];
        if (topLevel.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return Optional.of(EmailProblem.MALFORMED); // 192.168.0.1 is an address literal, not a domain
        }
        return Optional.empty();
    }

    private static boolean isLdhLabel(String label) {
        if (label.isEmpty() || label.charAt(0) == '-' || label.charAt(label.length() - 1) == '-') {
            return false;
        }
        for (int i = 0; i < label.length(); i++) {
            char c = label.charAt(i);
            if (!isAsciiLetterOrDigit(c) && c != '-') {
                return false;
            }
        }
        return true;
    }
}
