package dev.accounts.domain.validation;

import java.util.Locale;

/** Checks on user-typed text that the JDK does not name. */
public final class Text {

    private static final int ZERO_WIDTH_NON_JOINER = 0x200C;
    private static final int ZERO_WIDTH_JOINER = 0x200D;

    private Text() {
    }

    /** False when the string holds a lone surrogate, which no UTF-8 encoder can store faithfully. */
    public static boolean isWellFormed(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return false;
            }
        }
        return true;
    }

    /** True when the string holds a control character (C0, DEL or C1), NUL and line breaks included. */
    public static boolean hasControlCharacter(String text) {
        return text.chars().anyMatch(Character::isISOControl);
    }

    /**
     * True when the string holds a character that changes how the rest reads without showing itself:
     * line and paragraph separators, and formatting characters (direction overrides, zero-width spaces,
     * tags), but not the zero-width joiners some scripts and emoji need.
     */
    public static boolean hasInvisibleFormatting(String text) {
        return text.codePoints().anyMatch(point -> switch (Character.getType(point)) {
            case Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR -> true;
            case Character.FORMAT -> point != ZERO_WIDTH_NON_JOINER && point != ZERO_WIDTH_JOINER;
            default -> false;
        });
    }

    public static int codePointLength(String text) {
        return text.codePointCount(0, text.length());
    }

    public static boolean containsIgnoringCase(String text, String fragment) {
        return text.toLowerCase(Locale.ROOT).contains(fragment.toLowerCase(Locale.ROOT));
    }
}
