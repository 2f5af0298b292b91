package dev.accounts.adapters.security.password;

import com.sun.management.ThreadMXBean;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;

import java.lang.management.ManagementFactory;

import static org.assertj.core.api.Assertions.assertThat;

class ReusingArgon2PasswordEncoderTest {

    private static final String PASSWORD = "correct horse battery staple";

    private final ReusingArgon2PasswordEncoder encoder = new ReusingArgon2PasswordEncoder(16, 32, 1, 19_456, 2);
    private final Argon2PasswordEncoder spring = new Argon2PasswordEncoder(16, 32, 1, 19_456, 2);

    @Test
    void storesHashesInSpringSecuritysFormatAndBothEncodersVerifyThem() {
        String ours = encoder.encode(PASSWORD);
        String theirs = spring.encode(PASSWORD);

        assertThat(ours).matches("\\$argon2id\\$v=19\\$m=19456,t=2,p=1\\$[A-Za-z0-9+/]{22}\\$[A-Za-z0-9+/]{43}");
        assertThat(spring.matches(PASSWORD, ours)).isTrue();
        assertThat(encoder.matches(PASSWORD, theirs)).isTrue();
        assertThat(spring.matches("correct horse battery stapler", ours)).isFalse();
        assertThat(encoder.matches("correct horse battery stapler", theirs)).isFalse();
    }

    @Test
    void verifiesWithTheParametersStoredInTheHashNotTheConfiguredOnes() {
        String older = new Argon2PasswordEncoder(16, 32, 2, 4_096, 3).encode(PASSWORD);

        assertThat(encoder.matches(PASSWORD, older)).isTrue();
        assertThat(encoder.upgradeEncoding(older)).isTrue();
    }

    @Test
    void verifiesTheOtherArgon2VariantsAndAsksToRedoThemAsArgon2id() {
        String argon2i = "$argon2i" + spring.encode(PASSWORD).substring("$argon2id".length());

        assertThat(encoder.matches(PASSWORD, argon2i)).isEqualTo(spring.matches(PASSWORD, argon2i));
        assertThat(encoder.upgradeEncoding(argon2i)).isTrue();
        assertThat(encoder.upgradeEncoding(encoder.encode(PASSWORD))).isFalse();
    }

    @Test
    void saltsEveryHash() {
        assertThat(encoder.encode(PASSWORD)).isNotEqualTo(encoder.encode(PASSWORD));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "",
            "not a hash",
            "$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHRzYWx0$",
            "$argon2id$v=19$m=19456,t=2,p=1$$aGFzaGhhc2hoYXNo",
            "$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHRzYWx0$aGFzaGhhc2hoYXNo$extra",
            "$argon2id$v=19$m=19456,t=2,p=1$c2FsdA$aGFzaGhhc2hoYXNo",
            "$argon2id$v=18$m=19456,t=2,p=1$c2FsdHNhbHRzYWx0$aGFzaGhhc2hoYXNo",
            "$argon2x$v=19$m=19456,t=2,p=1$c2FsdHNhbHRzYWx0$aGFzaGhhc2hoYXNo",
            "$argon2id$v=19$m=4194305,t=2,p=1$c2FsdHNhbHRzYWx0$aGFzaGhhc2hoYXNo",
            "$argon2id$v=19$m=9999999999,t=2,p=1$c2FsdHNhbHRzYWx0$aGFzaGhhc2hoYXNo",
            "$argon2id$v=19$m=19456,t=1001,p=1$c2FsdHNhbHRzYWx0$aGFzaGhhc2hoYXNo",
            "$argon2id$v=19$m=19456,t=0,p=1$c2FsdHNhbHRzYWx0$aGFzaGhhc2hoYXNo",
            "$argon2id$v=19$m=19456,t=2,p=0$c2FsdHNhbHRzYWx0$aGFzaGhhc2hoYXNo",
            "$argon2id$v=19$m=16,t=2,p=4$c2FsdHNhbHRzYWx0$aGFzaGhhc2hoYXNo",
            "$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHRzYWx0$aGFzaGhhc2hoYXNo=",
            "$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHRzYWx0$aGFz*aGhhc2hoYXNo",
            "$2a$10$abcdefghijklmnopqrstuuABCDEFGHIJKLMNOPQRSTUVWXYZ01234",
    })
    void matchesNothingAndNeverThrowsForAMalformedOrAbsurdStoredHash(String stored) {
        assertThat(encoder.matches(PASSWORD, stored)).isFalse();
        assertThat(encoder.upgradeEncoding(stored)).isFalse();
    }

    @Test
    void neverPrintsTheHashItself() {
        String stored = encoder.encode(PASSWORD);
        String hash = stored.substring(stored.lastIndexOf('$') + 1);

        assertThat(EncodedArgon2Hash.parse(stored).orElseThrow().toString()).doesNotContain(hash).contains("m=19456,t=2,p=1");
    }

    @Test
    void reusesItsBlockMemoryInsteadOfAllocating19MiBPerHash() {
        ThreadMXBean threads = (ThreadMXBean) ManagementFactory.getThreadMXBean();
        long thread = Thread.currentThread().threadId();
        encoder.encode(PASSWORD);

        long before = threads.getThreadAllocatedBytes(thread);
        String stored = encoder.encode(PASSWORD);
        encoder.matches(PASSWORD, stored);
        long allocatedForTwoHashes = threads.getThreadAllocatedBytes(thread) - before;

        assertThat(allocatedForTwoHashes).isLessThan(1024 * 1024);
    }

    @Test
    void keepsAtMostOneHashsMemoryPerThreadHoweverManyEncodersItUses() {
        new ReusingArgon2PasswordEncoder(16, 32, 1, 4_096, 2).encode(PASSWORD);
        for (int i = 0; i < 3; i++) {
            new ReusingArgon2PasswordEncoder(16, 32, 1, 19_456, 2).encode(PASSWORD);
        }

        assertThat(ReusedBlockMemory.heldByThisThread()).isEqualTo(Argon2BytesGenerator.getBlockCount(19_456, 1));
    }
}
