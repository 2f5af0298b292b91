package dev.accounts.adapters.security.password;

import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;
import org.springframework.security.crypto.keygen.BytesKeyGenerator;
import org.springframework.security.crypto.keygen.KeyGenerators;
import org.springframework.security.crypto.password.AbstractValidatingPasswordEncoder;

import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Optional;

/**
 * Argon2id exactly as Spring Security's {@code Argon2PasswordEncoder} computes and stores it, except that
 * the block memory (19 MiB a hash at OWASP's minimum) is reused by each hashing thread instead of allocated
 * anew for every sign-up and sign-in. That allocation, not the hashing, is what kept the garbage collector
 * busy and the heap large under load.
 */
final class ReusingArgon2PasswordEncoder extends AbstractValidatingPasswordEncoder {

    private final int hashLength;
    private final int lanes;
    private final int memoryKiB;
    private final int iterations;
    private final BytesKeyGenerator salts;
    private final ReusedBlockMemory blocks;

    ReusingArgon2PasswordEncoder(int saltLength, int hashLength, int lanes, int memoryKiB, int iterations) {
        this.hashLength = hashLength;
        this.lanes = lanes;
        this.memoryKiB = memoryKiB;
        this.iterations = iterations;
        this.salts = KeyGenerators.secureRandom(saltLength);
        this.blocks = new ReusedBlockMemory(Argon2BytesGenerator.getBlockCount(memoryKiB, lanes));
    }

    @Override
    protected String encodeNonNullPassword(String rawPassword) {
        byte[] salt = salts.generateKey();
        byte[] hash = compute(rawPassword, Argon2Parameters.ARGON2_id, Argon2Parameters.ARGON2_VERSION_13, memoryKiB, iterations, lanes, salt,
                hashLength);
        return new EncodedArgon2Hash(Argon2Parameters.ARGON2_id, Argon2Parameters.ARGON2_VERSION_13, memoryKiB, iterations, lanes, salt, hash)
                .format();
    }

    /** A malformed stored hash matches nothing, as with Spring's encoder. */
    @Override
    protected boolean matchesNonNull(String rawPassword, String encodedPassword) {
        Optional<EncodedArgon2Hash> stored = EncodedArgon2Hash.parse(encodedPassword);
        if (stored.isEmpty()) {
            return false;
        }
        EncodedArgon2Hash expected = stored.get();
        byte[] actual = compute(rawPassword, expected.type(), expected.version(), expected.memoryKiB(), expected.iterations(),
                expected.lanes(), expected.salt(), expected.hash().length);
        return MessageDigest.isEqual(expected.hash(), actual);
    }

    /** A hash with less memory or fewer passes than configured, or not Argon2id, is redone at the next sign-in. */
    @Override
    protected boolean upgradeEncodingNonNull(String encodedPassword) {
        return EncodedArgon2Hash.parse(encodedPassword)
                .map(stored -> stored.type() != Argon2Parameters.ARGON2_id || stored.memoryKiB() < memoryKiB || stored.iterations() < iterations)
                .orElse(false);
    }

    private byte[] compute(String rawPassword, int type, int version, int memory, int passes, int parallelism, byte[] salt, int length) {
        Argon2Parameters parameters = new Argon2Parameters.Builder(type)
                .withVersion(version)
                .withMemoryAsKB(memory)
                .withIterations(passes)
                .withParallelism(parallelism)
                .withSalt(salt)
                .withBlockPool(blocks)
                .build();
        Argon2BytesGenerator generator = new Argon2BytesGenerator();
        generator.init(parameters);
        char[] password = rawPassword.toCharArray();
        byte[] hash = new byte[length];
        try {
            generator.generateBytes(password, hash);
        } finally {
            Arrays.fill(password, '\0');
        }
        return hash;
    }
}
