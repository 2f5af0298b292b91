package dev.accounts.adapters.security.token;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import org.bouncycastle.jce.ECNamedCurveTable;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;

/**
 * The ES256 (P-256) key that signs access tokens: from a PKCS#8 PEM given in configuration, or, for
 * development, generated at first start and kept in a file so that restarts do not sign everyone out.
 * Its {@code kid} is the RFC 7638 thumbprint of the public key, so a rotated key gets a new one.
 */
public final class SigningKeys {

    private static final String PEM_HEADER = "-----BEGIN PRIVATE KEY-----";
    private static final String PEM_FOOTER = "-----END PRIVATE KEY-----";

    private SigningKeys() {
    }

    public static ECKey fromPem(String pem) {
        try {
            String base64 = pem.replace(PEM_HEADER, "").replace(PEM_FOOTER, "").replaceAll("\\s", "");
            ECPrivateKey privateKey = (ECPrivateKey) KeyFactory.getInstance("EC")
                    .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
            if (!Curve.forECParameterSpec(privateKey.getParams()).equals(Curve.P_256)) {
                throw new IllegalArgumentException("the signing key must be an EC key on P-256 (for ES256)");
            }
            ECPublicKey publicKey = publicKeyOf(privateKey);
            ECKey key = new ECKey.Builder(Curve.P_256, publicKey).privateKey(privateKey)
                    .keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.ES256).build();
            return new ECKey.Builder(key).keyIDFromThumbprint().build();
        } catch (GeneralSecurityException | IllegalArgumentException | JOSEException e) {
            throw new IllegalArgumentException("the signing key is not a PKCS#8 PEM EC P-256 private key", e);
        }
    }

    /** The key in {@code file}, created there (readable by its owner only) if the file does not exist yet. */
    public static ECKey loadOrCreate(Path file) {
        try {
            if (Files.exists(file)) {
                return fromPem(Files.readString(file));
            }
            ECKey generated = new ECKeyGenerator(Curve.P_256).generate();
            String pem = PEM_HEADER + "\n"
                    + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(generated.toECPrivateKey().getEncoded())
                    + "\n" + PEM_FOOTER + "\n";
            Files.createDirectories(file.toAbsolutePath().getParent());
            Path temporary = Files.createTempFile(file.toAbsolutePath().getParent(), ".signing-key", ".tmp");
            try {
                Files.setPosixFilePermissions(temporary, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException notPosix) {
                // Windows: the file inherits its folder's access list.
            }
            Files.writeString(temporary, pem);
            Files.move(temporary, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            return fromPem(pem);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read or create the signing key at " + file, e);
        } catch (JOSEException e) {
            throw new IllegalStateException("could not generate a signing key", e);
        }
    }

    /**
     * A secret for {@code purpose} derived from the signing key: it needs no configuration of its own, is the
     * same on every instance that shares the key, and changes when the key is rotated.
     */
    public static byte[] derivedSecret(ECKey signingKey, String purpose) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(signingKey.toECPrivateKey().getEncoded(), "HmacSHA256"));
            return mac.doFinal(purpose.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException | JOSEException e) {
            throw new IllegalStateException("could not derive the " + purpose, e);
        }
    }

    /** PKCS#8 may omit the public point; Bouncy Castle recomputes it as Q = d·G. */
    private static ECPublicKey publicKeyOf(ECPrivateKey privateKey) throws GeneralSecurityException {
        var q = ECNamedCurveTable.getParameterSpec("secp256r1").getG().multiply(privateKey.getS()).normalize();
        ECPoint point = new ECPoint(q.getAffineXCoord().toBigInteger(), q.getAffineYCoord().toBigInteger());
        return (ECPublicKey) KeyFactory.getInstance("EC").generatePublic(new ECPublicKeySpec(point, privateKey.getParams()));
    }
}
