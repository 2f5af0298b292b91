package dev.accounts.adapters.security.password;

import org.bouncycastle.crypto.params.Argon2Parameters;

import java.util.Base64;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An Argon2 hash in the form Spring Security stores it,
 * {@code $argon2id$v=19$m=19456,t=2,p=1$<salt>$<hash>} (Base64 without padding), so that hashes made by
 * Spring's encoder and by ours verify with either.
 */
record EncodedArgon2Hash(int type, int version, int memoryKiB, int iterations, int lanes, byte[] salt, byte[] hash) {

    /** Bounds a corrupt stored hash from asking for gigabytes or hours of work; real hashes stay far inside. */
    static final int MAX_MEMORY_KIB = 4 * 1024 * 1024;
    static final int MAX_ITERATIONS = 1_000;
    static final int MAX_LANES = 64;

    private static final Pattern FORMAT = Pattern.compile(
            "\\$argon2(id|i|d)(?:\\$v=(\\d{1,3}))?\\$m=(\\d{1,10}),t=(\\d{1,10}),p=(\\d{1,10})\\$([A-Za-z0-9+/]+)\\$([A-Za-z0-9+/]+)");
    private static final Base64.Encoder BASE64 = Base64.getEncoder().withoutPadding();
    private static final Base64.Decoder BASE64_DECODER = Base64.getDecoder();

    /** Empty for anything that is not a well-formed Argon2 hash within the bounds above. */
    static Optional<EncodedArgon2Hash> parse(String encoded) {
        Matcher parts = FORMAT.matcher(encoded);
        if (!parts.matches()) {
            return Optional.empty();
        }
        try {
            int version = parts.group(2) == null ? Argon2Parameters.ARGON2_VERSION_10 : Integer.parseInt(parts.group(2));
            long memory = Long.parseLong(parts.group(3));
            long iterations = Long.parseLong(parts.group(4));
            long lanes = Long.parseLong(parts.group(5));
            byte[] salt = BASE64_DECODER.decode(parts.group(6));
            byte[] hash = BASE64_DECODER.decode(parts.group(7));
            boolean usable = (version == Argon2Parameters.ARGON2_VERSION_10 || version == Argon2Parameters.ARGON2_VERSION_13)
                    && lanes >= 1 && lanes <= MAX_LANES
                    && memory >= 8 * lanes && memory <= MAX_MEMORY_KIB
                    && iterations >= 1 && iterations <= MAX_ITERATIONS
                    && salt.length >= 8 && salt.length <= 1024 && hash.length >= 4 && hash.length <= 1024;
            return usable
                    ? Optional.of(new EncodedArgon2Hash(type(parts.group(1)), version, (int) memory, (int) iterations, (int) lanes, salt, hash))
                    : Optional.empty();
        } catch (IllegalArgumentException badBase64) {
            return Optional.empty();
        }
    }

    String format() {
        return "$argon2" + typeName() + "$v=" + version + "$m=" + memoryKiB + ",t=" + iterations + ",p=" + lanes
                + "$" + BASE64.encodeToString(salt) + "$" + BASE64.encodeToString(hash);
    }

    /** A stored hash is never printed: it is what an attacker would crack offline. */
    @Override
    public String toString() {
        return "EncodedArgon2Hash[$argon2" + typeName() + "$v=" + version + "$m=" + memoryKiB + ",t=" + iterations + ",p=" + lanes + "]";
    }

    private static int type(String name) {
        return switch (name) {
            case "d" -> Argon2Parameters.ARGON2_d;
            case "i" -> Argon2Parameters.ARGON2_i;
            default -> Argon2Parameters.ARGON2_id;
        };
    }

    private String typeName() {
        return switch (type) {
            case Argon2Parameters.ARGON2_d -> "d";
            case Argon2Parameters.ARGON2_i -> "i";
            default -> "id";
        };
    }
}
