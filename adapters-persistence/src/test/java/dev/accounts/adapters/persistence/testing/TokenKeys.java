package dev.accounts.adapters.persistence.testing;

import java.security.SecureRandom;

/** Keys that seal the tokens of outbox messages in tests. */
public final class TokenKeys {

    private static final SecureRandom RANDOM = new SecureRandom();

    private TokenKeys() {
    }

    /** A fresh AES-256 key. */
    public static byte[] anyKey() {
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        return key;
    }
}
