package dev.accounts.domain.credentials;

import java.util.OptionalInt;

/**
 * Length limits on passwords, counted in characters (code points) after NFKC normalisation.
 *
 * @param minLength      at least {@value #FLOOR}; NIST SP 800-63B-4 asks for 15 when the password is the only factor
 * @param maxLength      at most {@value #CEILING}
 * @param maxUtf8Bytes   what the hashing algorithm reads at most (72 for bcrypt, which ignores the rest), if it has a limit
 */
public record PasswordPolicy(int minLength, int maxLength, OptionalInt maxUtf8Bytes) {

    public static final int FLOOR = 8;
    public static final int CEILING = 128;
    public static final int RECOMMENDED_MIN_LENGTH = 15;

    public PasswordPolicy {
        if (minLength < FLOOR) {
            throw new IllegalArgumentException("minimum password length " + minLength + " is below " + FLOOR);
        }
        if (maxLength > CEILING || maxLength < minLength) {
            throw new IllegalArgumentException("maximum password length " + maxLength + " is not within [" + minLength + ", " + CEILING + "]");
        }
        maxUtf8Bytes.ifPresent(bytes -> {
            if (bytes < minLength) {
                throw new IllegalArgumentException("a hashing limit of " + bytes + " bytes leaves no room for " + minLength + " characters");
            }
        });
    }

    public static PasswordPolicy recommended() {
        return new PasswordPolicy(RECOMMENDED_MIN_LENGTH, CEILING, OptionalInt.empty());
    }

    public PasswordPolicy withMinLength(int length) {
        return new PasswordPolicy(length, maxLength, maxUtf8Bytes);
    }

    public PasswordPolicy withMaxUtf8Bytes(OptionalInt bytes) {
        return new PasswordPolicy(minLength, maxLength, bytes);
    }
}
