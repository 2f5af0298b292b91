package dev.accounts.application.service;

/** What a presented link token may look like before it is worth a query: a token is 43 base64url characters. */
final class OneTimeTokenText {

    private static final int MAX_LENGTH = 128;

    private OneTimeTokenText() {
    }

    static boolean isPlausible(String token) {
        return token != null && !token.isBlank() && token.length() <= MAX_LENGTH;
    }
}
