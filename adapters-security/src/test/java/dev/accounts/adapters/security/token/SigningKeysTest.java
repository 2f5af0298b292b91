package dev.accounts.adapters.security.token;

import com.nimbusds.jose.jwk.ECKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class SigningKeysTest {

    @TempDir
    Path dir;

    @Test
    void createsAKeyOnceAndReadsTheSameOneAfterARestart() throws Exception {
        Path file = dir.resolve("keys/jwt-signing-key.pem");

        ECKey created = SigningKeys.loadOrCreate(file);
        ECKey reloaded = SigningKeys.loadOrCreate(file);

        assertThat(reloaded.getKeyID()).isEqualTo(created.getKeyID()).isEqualTo(created.computeThumbprint().toString());
        assertThat(reloaded.toECPublicKey()).isEqualTo(created.toECPublicKey());
        assertThat(Files.readString(file)).startsWith("-----BEGIN PRIVATE KEY-----");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    }

    @Test
    void readsAPkcs8PemFromConfiguration() throws Exception {
        ECKey created = SigningKeys.loadOrCreate(dir.resolve("key.pem"));

        ECKey configured = SigningKeys.fromPem(Files.readString(dir.resolve("key.pem")));

        assertThat(configured.getKeyID()).isEqualTo(created.getKeyID());
        assertThat(configured.isPrivate()).isTrue();
    }

    @Test
    void refusesSomethingElse() {
        assertThatIllegalArgumentException().isThrownBy(() -> SigningKeys.fromPem("-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----"));
    }
}
