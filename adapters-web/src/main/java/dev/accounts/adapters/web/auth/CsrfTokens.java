package dev.accounts.adapters.web.auth;

import dev.accounts.domain.session.SessionId;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

/**
 * Signed double-submit CSRF tokens, as the OWASP cheat sheet recommends: the session id and an
 * HMAC-SHA256 of it under a server secret. A page on another site can neither read the cookie that
 * carries it nor forge one, so it cannot send the matching header.
 */
public final class CsrfTokens {

    private static final String ALGORITHM = "HmacSHA256";

    private final SecretKeySpec key;

    public CsrfTokens(byte[] secret) {
        if (secret.length < 32) {
            throw new IllegalArgumentException("the CSRF secret needs at least 256 bits");
        }
        this.key = new SecretKeySpec(secret.clone(), ALGORITHM);
    }

    public String issue(SessionId session) {
        return session.value() + "." + mac(session.value().toString());
    }

    /** The session a well-formed, correctly signed token was issued for. */
    public Optional<SessionId> verify(String token) {
        if (token == null || token.length() > 128) {
            return Optional.empty();
        }
        int dot = token.indexOf('.');
        if (dot < 0) {
            return Optional.empty();
        }
        String session = token.substring(0, dot);
        byte[] expected = mac(session).getBytes(StandardCharsets.US_ASCII);
        byte[] presented = token.substring(dot + 1).getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(expected, presented)) {
            return Optional.empty();
        }
        try {
            return Optional.of(new SessionId(UUID.fromString(session)));
        } catch (IllegalArgumentException notAUuid) {
            return Optional.empty();
        }
    }

    private String mac(String session) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal(session.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException impossible) {
            throw new IllegalStateException("every JDK has " + ALGORITHM, impossible);
        }
    }
}
