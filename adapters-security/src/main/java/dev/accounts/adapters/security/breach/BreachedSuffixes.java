package dev.accounts.adapters.security.breach;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

/**
 * The breached hashes under one five-character prefix, as the range API listed them. Each is kept as the
 * first 16 hex characters of its suffix (64 bits), 8 bytes instead of about 100 for a string, so that
 * thousands of cached ranges fit in memory. With the prefix that compares 84 of SHA-1's 160 bits: among
 * about a thousand suffixes in a range, an unbreached password matches one by chance about once in 10^16.
 */
final class BreachedSuffixes {

    static final int SUFFIX_LENGTH = 35;

    private final long[] sortedFingerprints;

    private BreachedSuffixes(long[] sortedFingerprints) {
        this.sortedFingerprints = sortedFingerprints;
    }

    /**
     * Reads lines of {@code SUFFIX:COUNT}; padding lines (count 0) are dropped.
     *
     * @throws UnusableRangeAnswer if any line is not of that form, or there is none: a padded answer always has lines
     */
    static BreachedSuffixes parse(String body) {
        List<String> lines = body.lines().map(String::strip).filter(line -> !line.isEmpty()).toList();
        if (lines.isEmpty()) {
            throw new UnusableRangeAnswer("the range API answered no lines");
        }
        long[] fingerprints = new long[lines.size()];
        int breached = 0;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (!isWellFormed(line)) {
                throw new UnusableRangeAnswer("the range API answered a malformed line (line " + (i + 1) + ")");
            }
            if (!isPadding(line)) {
                fingerprints[breached++] = fingerprint(line);
            }
        }
        long[] sorted = Arrays.copyOf(fingerprints, breached);
        Arrays.sort(sorted);
        return new BreachedSuffixes(sorted);
    }

    /** @param suffix the last 35 hex characters of a SHA-1 */
    boolean contains(String suffix) {
        return Arrays.binarySearch(sortedFingerprints, fingerprint(suffix)) >= 0;
    }

    private static boolean isWellFormed(String line) {
        if (line.length() <= SUFFIX_LENGTH + 1 || line.charAt(SUFFIX_LENGTH) != ':') {
            return false;
        }
        for (int i = 0; i < SUFFIX_LENGTH; i++) {
            if (!HexFormat.isHexDigit(line.charAt(i))) {
                return false;
            }
        }
        for (int i = SUFFIX_LENGTH + 1; i < line.length(); i++) {
            if (line.charAt(i) < '0' || line.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    /** Read as digits, not as a number: a count too large for a long is still not zero. */
    private static boolean isPadding(String line) {
        for (int i = SUFFIX_LENGTH + 1; i < line.length(); i++) {
            if (line.charAt(i) != '0') {
                return false;
            }
        }
        return true;
    }

    private static long fingerprint(CharSequence suffix) {
        return HexFormat.fromHexDigitsToLong(suffix, 0, 16);
    }
}
