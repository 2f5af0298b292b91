package dev.accounts.adapters.web.logging;

/** Text a client sent, made safe for one log line: control characters escaped, length bounded. */
public final class LogText {

    private static final int MAX_LENGTH = 200;

    private LogText() {
    }

    /** {@code \n}, ESC and the like become {@code \x0a}, {@code \x1b}: no forged lines, no terminal escapes. */
    public static String escaped(String text) {
        if (text == null) {
            return "-";
        }
        StringBuilder safe = new StringBuilder(Math.min(text.length(), MAX_LENGTH) + 16);
        int i = 0;
        for (; i < text.length() && safe.length() < MAX_LENGTH; i++) {
            char c = text.charAt(i);
            if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029') {
                safe.append(String.format("\\x%02x", (int) c));
            } else {
                safe.append(c);
            }
        }
        return i < text.length() ? safe.append('…').toString() : safe.toString();
    }
}
