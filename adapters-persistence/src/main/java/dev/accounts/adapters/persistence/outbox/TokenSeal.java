package dev.accounts.adapters.persistence.outbox;

import dev.accounts.domain.token.SecretToken;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Optional;
import java.util.UUID;

/**
 * Seals a mailed token for the outbox with AES-256-GCM: a copy of the database reveals no link that still
 * works, and the message id as associated data keeps a sealed token from being moved to another message.
 * Sealed form: the 96-bit nonce, then the ciphertext and its 128-bit tag.
 */
final class TokenSeal {

    private static final int KEY_BYTES = 32;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKeySpec key;

    TokenSeal(byte[] key) {
        if (key.length != KEY_BYTES) {
            throw new IllegalArgumentException("an AES-256 key is 32 bytes");
        }
        this.key = new SecretKeySpec(key, "AES");
    }

    byte[] seal(SecretToken token, UUID messageId) {
        // A random nonce per message: with one key, a repeated nonce would give GCM's secrecy away.
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        try {
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, nonce, messageId);
            byte[] ciphertext = cipher.doFinal(token.value().getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.allocate(NONCE_BYTES + ciphertext.length).put(nonce).put(ciphertext).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JDK has AES-GCM", e);
        }
    }

    /** Empty when the seal does not open: altered, sealed for another message, or under another key. */
    Optional<SecretToken> open(byte[] sealed, UUID messageId) {
        if (sealed.length < NONCE_BYTES + TAG_BITS / 8) {
            return Optional.empty();
        }
        try {
            Cipher cipher = cipher(Cipher.DECRYPT_MODE, Arrays.copyOf(sealed, NONCE_BYTES), messageId);
            byte[] plaintext = cipher.doFinal(sealed, NONCE_BYTES, sealed.length - NONCE_BYTES);
            return Optional.of(SecretToken.presented(new String(plaintext, StandardCharsets.UTF_8)));
        } catch (AEADBadTagException e) {
            return Optional.empty();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JDK has AES-GCM", e);
        }
    }

    private Cipher cipher(int mode, byte[] nonce, UUID messageId) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding"); // a Cipher keeps state, so one per call
        cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
        cipher.updateAAD(ByteBuffer.allocate(16).putLong(messageId.getMostSignificantBits()).putLong(messageId.getLeastSignificantBits()).array());
        return cipher;
    }
}
