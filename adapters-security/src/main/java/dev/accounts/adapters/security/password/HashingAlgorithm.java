package dev.accounts.adapters.security.password;

import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

import java.util.OptionalInt;

/** The algorithms new hashes may use; stored hashes of every one of them keep verifying. */
public enum HashingAlgorithm {

    /**
     * Argon2id at OWASP's minimum: 19 MiB of memory, 2 iterations, 1 lane; 16-byte salt, 32-byte hash, in
     * Spring Security's storage format.
     */
    ARGON2ID("argon2", OptionalInt.empty()) {
        @Override
        public PasswordEncoder encoder() {
            return new ReusingArgon2PasswordEncoder(16, 32, 1, 19_456, 2);
        }
    },
    /** bcrypt at cost 10, as the original service used; it reads only the first 72 bytes. */
    BCRYPT("bcrypt", OptionalInt.of(72)) {
        @Override
        public PasswordEncoder encoder() {
            return new BCryptPasswordEncoder(10);
        }
    };

    private final String id;
    private final OptionalInt maxPasswordBytes;

    HashingAlgorithm(String id, OptionalInt maxPasswordBytes) {
        this.id = id;
        this.maxPasswordBytes = maxPasswordBytes;
    }

    /** The {@code {id}} prefix of the stored hash. */
    public String id() {
        return id;
    }

    public OptionalInt maxPasswordBytes() {
        return maxPasswordBytes;
    }

    /** A fresh encoder with this algorithm's parameters; public for the hashing benchmark. */
    public abstract PasswordEncoder encoder();
}
