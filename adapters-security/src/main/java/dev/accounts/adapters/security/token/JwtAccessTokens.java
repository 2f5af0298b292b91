package dev.accounts.adapters.security.token;

import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.proc.SecurityContext;
import dev.accounts.application.port.out.AccessTokens;
import dev.accounts.domain.session.SessionId;
import dev.accounts.domain.user.UserId;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * ES256-signed JWT access tokens, through Spring Security's Nimbus support. They carry the user id
 * ({@code sub}), the session ({@code sid}) and nothing personal. Verification accepts ES256 from this
 * service's own keys only: {@code alg: none}, other algorithms, and keys offered by the token itself
 * ({@code jwk}, {@code jku}, {@code x5u}) are never trusted.
 */
public final class JwtAccessTokens implements AccessTokens {

    static final String SESSION_CLAIM = "sid";

    private final ECKey signingKey;
    private final NimbusJwtEncoder encoder;
    private final NimbusReactiveJwtDecoder decoder;
    private final Settings settings;
    private final Clock clock;
    /**
     * @param issuer   {@code iss}, this service's public URL or name
     * @param audience {@code aud}, who the tokens are for
     * @param lifetime how long an access token lasts (15 minutes by default)
     */
    public record Settings(String issuer, String audience, Duration lifetime) {

        public Settings {
            Objects.requireNonNull(issuer, "issuer");
            Objects.requireNonNull(audience, "audience");
            Objects.requireNonNull(lifetime, "lifetime");
        }
    }

    public JwtAccessTokens(ECKey signingKey, Settings settings, Clock clock) {
        this.signingKey = signingKey;
        this.settings = settings;
        this.clock = clock;
        JWKSet keys = new JWKSet(signingKey);
        this.encoder = new NimbusJwtEncoder(new ImmutableJWKSet<SecurityContext>(keys));
        List<JWK> publicKeys = keys.toPublicJWKSet().getKeys();
        this.decoder = NimbusReactiveJwtDecoder.withJwkSource(jwt -> Flux.fromIterable(publicKeys))
                .jwsAlgorithm(SignatureAlgorithm.ES256)
                .build();
        this.decoder.setJwtValidator(validator(settings, clock));
    }

    @Override
    public AccessToken issue(UserId user, SessionId session) {
        Instant now = clock.instant();
        Instant expiresAt = now.plus(settings.lifetime());
        JwtClaimsSet claims = JwtClaimsSet.builder()
                .issuer(settings.issuer())
                .audience(List.of(settings.audience()))
                .subject(user.value().toString())
                .claim(SESSION_CLAIM, session.value().toString())
                .issuedAt(now)
                .expiresAt(expiresAt)
                .id(UUID.randomUUID().toString())
                .build();
        JwsHeader header = JwsHeader.with(SignatureAlgorithm.ES256).keyId(signingKey.getKeyID()).build();
        Jwt jwt = encoder.encode(JwtEncoderParameters.from(header, claims));
        return new AccessToken(jwt.getTokenValue(), expiresAt);
    }

    @Override
    public Mono<AccessClaims> verify(String token) {
        return Mono.defer(() -> decoder.decode(token))
                .map(jwt -> new AccessClaims(new UserId(UUID.fromString(jwt.getSubject())),
                        new SessionId(UUID.fromString(jwt.getClaimAsString(SESSION_CLAIM))), jwt.getExpiresAt()))
                .onErrorResume(JwtException.class, invalid -> Mono.empty())
                .onErrorResume(IllegalArgumentException.class, malformedClaims -> Mono.empty());
    }

    @Override
    public Map<String, Object> publicKeySet() {
        return new JWKSet(signingKey).toPublicJWKSet().toJSONObject();
    }

    private static OAuth2TokenValidator<Jwt> validator(Settings settings, Clock clock) {
        JwtTimestampValidator timestamps = new JwtTimestampValidator(Duration.ZERO);
        timestamps.setClock(clock);
        return new DelegatingOAuth2TokenValidator<>(
                timestamps,
                new JwtIssuerValidator(settings.issuer()),
                new JwtClaimValidator<List<String>>(JwtClaimNames.AUD, audience -> audience != null && audience.contains(settings.audience())),
                new JwtClaimValidator<Object>(JwtClaimNames.EXP, Objects::nonNull),
                new JwtClaimValidator<Object>(JwtClaimNames.SUB, Objects::nonNull),
                new JwtClaimValidator<Object>(SESSION_CLAIM, Objects::nonNull));
    }
}
