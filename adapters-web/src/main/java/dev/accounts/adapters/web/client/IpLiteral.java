package dev.accounts.adapters.web.client;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Optional;

/** Parses IP address literals only: never a host name, so never a DNS lookup on input a client sent. */
final class IpLiteral {

    private IpLiteral() {
    }

    static Optional<byte[]> parse(String text) {
        if (text == null || text.isEmpty() || text.length() > 45) {
            return Optional.empty();
        }
        return text.indexOf(':') >= 0 ? parseV6(text) : parseV4(text);
    }

    private static Optional<byte[]> parseV4(String text) {
        String[] parts = text.split("\\.", -1);
        if (parts.length != 4) {
            return Optional.empty();
        }
        byte[] bytes = new byte[4];
        for (int i = 0; i < 4; i++) {
            String part = parts[i];
            if (part.isEmpty() || part.length() > 3 || !part.chars().allMatch(Character::isDigit)) {
                return Optional.empty();
            }
            int value = Integer.parseInt(part);
            if (value > 255) {
                return Optional.empty();
            }
            bytes[i] = (byte) value;
        }
        return Optional.of(bytes);
    }

    /** With a colon in it, the JDK parses the text as an IPv6 literal and looks nothing up. */
    private static Optional<byte[]> parseV6(String text) {
        String literal = text.startsWith("[") && text.endsWith("]") ? text.substring(1, text.length() - 1) : text;
        for (int i = 0; i < literal.length(); i++) {
            char c = literal.charAt(i);
            if (Character.digit(c, 16) < 0 && c != ':' && c != '.') {
                return Optional.empty(); // no zone ids, no brackets inside, no names
            }
        }
        try {
            return Optional.of(unmapped(InetAddress.getByName("[" + literal + "]").getAddress()));
        } catch (UnknownHostException | IllegalArgumentException malformed) {
            return Optional.empty();
        }
    }

    /** {@code ::ffff:10.0.0.1} is {@code 10.0.0.1}, so one range matches both spellings. */
    static byte[] unmapped(byte[] bytes) {
        return bytes.length == 16 && isV4Mapped(bytes) ? Arrays.copyOfRange(bytes, 12, 16) : bytes;
    }

    private static boolean isV4Mapped(byte[] bytes) {
        for (int i = 0; i < 10; i++) {
            if (bytes[i] != 0) {
                return false;
            }
        }
        return bytes[10] == (byte) 0xff && bytes[11] == (byte) 0xff;
    }
}
