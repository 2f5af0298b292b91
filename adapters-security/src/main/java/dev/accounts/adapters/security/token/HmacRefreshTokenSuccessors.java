package dev.accounts.adapters.security.token;

import dev.accounts.application.port.out.RefreshTokenSuccessors;
import dev.accounts.domain.token.SecretToken;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;

/**
 * A refresh token's successor is HMAC-SHA256 of the token under a server key, base64url like the tokens
 * themselves: 256 bits nobody can compute without the key, and the same on every instance that has it.
 */
public final class HmacRefreshTokenSuccessors implements RefreshTokenSuccessors {

    private static final String ALGORITHM = "HmacSHA256";

    private final SecretKeySpec key;

    public HmacRefreshTokenSuccessors(byte[] key) {
        if (key.length < 32) {
            throw new IllegalArgumentException("the refresh-token rotation key needs at least 256 bits");
        }
        this.key = new SecretKeySpec(key.clone(), ALGORITHM);
    }

    @Override
    public SecretToken successorOf(SecretToken token) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            byte[] successor = mac.doFinal(token.value().getBytes(StandardCharsets.UTF_8));
            return SecretToken.presented(Base64.getUrlEncoder().withoutPadding().encodeToString(successor));
        } catch (GeneralSecurityException impossible) {
            throw new IllegalStateException("every JDK has " + ALGORITHM, impossible);
        }
    }
}
