package dev.accounts.adapters.security.token;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import dev.accounts.application.port.out.AccessTokens.AccessClaims;
import dev.accounts.application.port.out.AccessTokens.AccessToken;
import dev.accounts.application.testing.MutableClock;
import dev.accounts.domain.session.SessionId;
import dev.accounts.domain.user.UserId;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class JwtAccessTokensTest {

    private static final JwtAccessTokens.Settings SETTINGS = new JwtAccessTokens.Settings("https://accounts.example", "accounts-api", Duration.ofMinutes(15));

    private final MutableClock clock = new MutableClock(Instant.now());
    private final ECKey key = generateKey();
    private final JwtAccessTokens tokens = new JwtAccessTokens(key, SETTINGS, clock);
    private final UserId user = UserId.random();
    private final SessionId session = SessionId.random();

    private static ECKey generateKey() {
        try {
            return new ECKeyGenerator(Curve.P_256).keyIDFromThumbprint(true).generate();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private JWTClaimsSet.Builder validClaims() {
        return new JWTClaimsSet.Builder().issuer(SETTINGS.issuer()).audience(SETTINGS.audience()).subject(user.value().toString())
                .claim("sid", session.value().toString()).issueTime(Date.from(clock.instant()))
                .expirationTime(Date.from(clock.instant().plusSeconds(600))).jwtID("x");
    }

    private String signed(ECKey with, JWSHeader header, JWTClaimsSet claims) throws Exception {
        SignedJWT jwt = new SignedJWT(header, claims);
        jwt.sign(new ECDSASigner(with));
        return jwt.serialize();
    }

    @Test
    void verifiesWhatItIssued() {
        AccessToken token = tokens.issue(user, session);

        assertThat(tokens.verify(token.value()).block()).isEqualTo(new AccessClaims(user, session, token.expiresAt().truncatedTo(ChronoUnit.SECONDS)));
        assertThat(token.expiresAt()).isEqualTo(clock.instant().plus(Duration.ofMinutes(15)));
    }

    @Test
    void carriesTheStandardClaimsAKeyIdAndNoPersonalData() throws Exception {
        SignedJWT jwt = SignedJWT.parse(tokens.issue(user, session).value());

        assertThat(jwt.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.ES256);
        assertThat(jwt.getHeader().getKeyID()).isEqualTo(key.getKeyID()).isNotBlank();
        assertThat(jwt.getJWTClaimsSet().getClaims().keySet()).containsExactlyInAnyOrder("iss", "aud", "sub", "sid", "iat", "exp", "jti");
        assertThat(jwt.getJWTClaimsSet().getSubject()).isEqualTo(user.value().toString());
    }

    @Test
    void refusesAnExpiredToken() {
        AccessToken token = tokens.issue(user, session);

        clock.advance(Duration.ofMinutes(15));

        assertThat(tokens.verify(token.value()).block()).isNull();
    }

    @Test
    void refusesATamperedSignature() {
        String token = tokens.issue(user, session).value();
        String[] parts = token.split("\\.");
        String otherPayload = Base64.getUrlEncoder().withoutPadding().encodeToString(
                new String(Base64.getUrlDecoder().decode(parts[1])).replace(user.value().toString(), UserId.random().value().toString()).getBytes());

        assertThat(tokens.verify(parts[0] + "." + otherPayload + "." + parts[2]).block()).isNull();
        assertThat(tokens.verify(parts[0] + "." + parts[1] + "." + parts[2].substring(0, 10) + "AAAA" + parts[2].substring(14)).block()).isNull();
    }

    @Test
    void refusesAnUnsignedToken() {
        String none = new PlainJWT(validClaims().build()).serialize();

        assertThat(tokens.verify(none).block()).isNull();
    }

    @Test
    void refusesAnotherAlgorithmEvenWithTheRightKeyMaterial() throws Exception {
        SignedJWT hs256 = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(key.getKeyID()).build(), validClaims().build());
        hs256.sign(new MACSigner(key.toPublicJWK().toJSONString().repeat(2).getBytes()));

        assertThat(tokens.verify(hs256.serialize()).block()).isNull();
    }

    @Test
    void refusesAKeyOfferedByTheTokenItself() throws Exception {
        ECKey attacker = generateKey();
        JWSHeader withEmbeddedKey = new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(key.getKeyID()).jwk(attacker.toPublicJWK())
                .jwkURL(URI.create("https://attacker.example/jwks.json")).build();

        assertThat(tokens.verify(signed(attacker, withEmbeddedKey, validClaims().build())).block()).isNull();
    }

    @Test
    void refusesWrongAudienceOrIssuer() throws Exception {
        JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(key.getKeyID()).build();

        assertThat(tokens.verify(signed(key, header, validClaims().build())).block())
                .isEqualTo(new AccessClaims(user, session, clock.instant().plusSeconds(600).truncatedTo(ChronoUnit.SECONDS)));
        assertThat(tokens.verify(signed(key, header, validClaims().audience("another-api").build())).block()).isNull();
        assertThat(tokens.verify(signed(key, header, validClaims().issuer("https://evil.example").build())).block()).isNull();
        assertThat(tokens.verify(signed(key, header, validClaims().claim("sid", null).build())).block()).isNull();
    }

    @Test
    void refusesGarbage() {
        assertThat(tokens.verify("not.a.jwt").block()).isNull();
        assertThat(tokens.verify("").block()).isNull();
        assertThat(tokens.verify("a".repeat(5000)).block()).isNull();
    }

    @Test
    @SuppressWarnings("unchecked")
    void publishesThePublicKeyOnly() {
        Map<String, Object> jwks = tokens.publicKeySet();

        List<Map<String, Object>> keys = (List<Map<String, Object>>) jwks.get("keys");
        assertThat(keys).singleElement().satisfies(jwk -> {
            assertThat(jwk).containsEntry("kty", "EC").containsEntry("crv", "P-256").containsEntry("kid", key.getKeyID());
            assertThat(jwk).doesNotContainKey("d");
        });
    }
}
