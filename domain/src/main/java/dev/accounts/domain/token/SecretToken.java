package dev.accounts.domain.token;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Objects;

/**
 * A bearer secret handed to a client (a refresh token; later a verification or reset link's token): 256
 * random bits, base64url. Only its {@link TokenHash} is ever stored, so a copy of the database lets nobody
 * use one; 256 random bits need no salt and no slow hash, since they cannot be guessed.
 */
public final class SecretToken {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int BYTES = 32;

    private final String value;

    private SecretToken(String value) {
        this.value = value;
    }

    public static SecretToken random() {
        byte[] bytes = new byte[BYTES];
        RANDOM.nextBytes(bytes);
        return new SecretToken(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
    }

    /** A token as presented by a client; anything may arrive, so it is only ever hashed and compared. */
    public static SecretToken presented(String value) {
        return new SecretToken(Objects.requireNonNull(value, "value"));
    }

    public String value() {
        return value;
    }

    public TokenHash hash() {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
            return new TokenHash(HexFormat.of().formatHex(digest));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("every JDK has SHA-256", impossible);
        }
    }

    @Override
    public String toString() {
        return "SecretToken[******]"; // a bearer secret is a credential
    }
}
