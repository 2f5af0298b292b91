package dev.accounts.domain.session;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Objects;

/**
 * An opaque refresh token: 256 random bits, base64url. Only its SHA-256 is ever stored, so a copy of
 * the database lets nobody refresh a session.
 */
public final class RefreshToken {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int BYTES = 32;

    private final String value;

    private RefreshToken(String value) {
        this.value = value;
    }

    public static RefreshToken random() {
        byte[] bytes = new byte[BYTES];
        RANDOM.nextBytes(bytes);
        return new RefreshToken(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
    }

    /** A token as presented by a client; anything may arrive, so it is only ever hashed and compared. */
    public static RefreshToken presented(String value) {
        return new RefreshToken(Objects.requireNonNull(value, "value"));
    }

    public String value() {
        return value;
    }

    /** The hex SHA-256 under which the token is stored and looked up. */
    public String hash() {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("every JDK has SHA-256", impossible);
        }
    }

    @Override
    public String toString() {
        return "RefreshToken[******]";
    }
}
