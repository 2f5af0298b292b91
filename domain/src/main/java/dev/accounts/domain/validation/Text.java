package dev.accounts.domain.validation;

import java.util.Locale;

/** Checks on user-typed text that the JDK does not name. */
public final class Text {

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

    public static int codePointLength(String text) {
        return text.codePointCount(0, text.length());
    }

    public static boolean containsIgnoringCase(String text, String fragment) {
        return text.toLowerCase(Locale.ROOT).contains(fragment.toLowerCase(Locale.ROOT));
    }
}
