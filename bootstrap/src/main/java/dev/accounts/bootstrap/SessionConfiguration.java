package dev.accounts.bootstrap;

import com.nimbusds.jose.jwk.ECKey;
import dev.accounts.adapters.persistence.session.R2dbcRefreshTokenRepository;
import dev.accounts.adapters.persistence.signin.R2dbcSignInThrottle;
import dev.accounts.adapters.security.audit.LoggingSignInAudit;
import dev.accounts.adapters.security.token.HmacRefreshTokenSuccessors;
import dev.accounts.adapters.security.token.JwtAccessTokens;
import dev.accounts.adapters.security.token.SigningKeys;
import dev.accounts.adapters.web.auth.CookieSettings;
import dev.accounts.adapters.web.auth.CsrfProtectionFilter;
import dev.accounts.adapters.web.auth.CsrfTokens;
import dev.accounts.adapters.web.auth.SessionCookies;
import dev.accounts.adapters.web.problem.ProblemResponses;
import dev.accounts.application.port.out.AccessTokens;
import dev.accounts.application.port.out.PasswordHasher;
import dev.accounts.application.port.out.PasswordWorkCapacity;
import dev.accounts.application.port.out.RefreshTokenRepository;
import dev.accounts.application.port.out.RefreshTokenSuccessors;
import dev.accounts.application.port.out.SignInAudit;
import dev.accounts.application.port.out.SignInThrottle;
import dev.accounts.application.port.out.UserRepository;
import dev.accounts.application.service.SessionService;
import dev.accounts.application.service.SignInService;
import dev.accounts.domain.session.RefreshPolicy;
import dev.accounts.domain.signin.ThrottlePolicy;
import dev.accounts.domain.user.EmailAddresses;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.data.r2dbc.core.R2dbcEntityTemplate;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.transaction.ReactiveTransactionManager;
import org.springframework.transaction.reactive.TransactionalOperator;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.util.Base64;
import java.util.HashSet;

/** Wires sign-in and sessions: tokens, cookies, CSRF, throttling and housekeeping. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class SessionConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SessionConfiguration.class);

    @Bean
    ECKey accessTokenSigningKey(AccountsProperties properties) {
        AccountsProperties.Tokens tokens = properties.tokens();
        if (tokens.signingKey() != null && !tokens.signingKey().isBlank()) {
            return SigningKeys.fromPem(tokens.signingKey());
        }
        ECKey key = SigningKeys.loadOrCreate(tokens.signingKeyFile());
        log.info("Access tokens are signed with the development key in {} (kid {}); configure accounts.tokens.signing-key in production.",
                tokens.signingKeyFile().toAbsolutePath(), key.getKeyID());
        return key;
    }

    @Bean
    AccessTokens accessTokens(ECKey accessTokenSigningKey, AccountsProperties properties, Clock clock) {
        AccountsProperties.Tokens tokens = properties.tokens();
        return new JwtAccessTokens(accessTokenSigningKey,
                new JwtAccessTokens.Settings(tokens.issuer(), tokens.audience(), tokens.accessTokenLifetime()), clock);
    }

    @Bean
    RefreshTokenRepository refreshTokenRepository(R2dbcEntityTemplate template, ReactiveTransactionManager transactionManager,
                                                  AccountsProperties properties) {
        return new R2dbcRefreshTokenRepository(template, TransactionalOperator.create(transactionManager),
                properties.sessions().activeCheckMemory());
    }

    @Bean
    SignInThrottle signInThrottle(DatabaseClient database) {
        return new R2dbcSignInThrottle(database);
    }

    @Bean
    SignInAudit signInAudit() {
        return new LoggingSignInAudit();
    }

    /** Every instance shares the signing key, so every instance derives the same successor for a token. */
    @Bean
    RefreshTokenSuccessors refreshTokenSuccessors(ECKey accessTokenSigningKey) {
        return new HmacRefreshTokenSuccessors(derivedFrom(accessTokenSigningKey, "accounts refresh-token successor key"));
    }

    @Bean
    SessionService sessionService(UserRepository users, RefreshTokenRepository refreshTokens, AccessTokens accessTokens,
                                  RefreshTokenSuccessors successors, SignInThrottle throttle, AccountsProperties properties, Clock clock) {
        AccountsProperties.Sessions sessions = properties.sessions();
        return new SessionService(users, refreshTokens, accessTokens, successors, throttle,
                new RefreshPolicy(sessions.lifetime(), sessions.grace()), clock);
    }

    @Bean
    SignInService signInService(UserRepository users, PasswordHasher hasher, PasswordWorkCapacity capacity, SessionService sessions,
                                SignInThrottle throttle, SignInAudit audit, EmailAddresses emails, AccountsProperties properties,
                                Clock clock) {
        AccountsProperties.SignIn signIn = properties.signIn();
        return new SignInService(users, hasher, capacity, sessions, throttle,
                new ThrottlePolicy(signIn.freeFailures(), signIn.firstDelay(), signIn.maxDelay()), audit, emails, clock);
    }

    @Bean
    CsrfTokens csrfTokens(AccountsProperties properties, ECKey accessTokenSigningKey) {
        String configured = properties.csrf().secret();
        return new CsrfTokens(configured != null && !configured.isBlank()
                ? Base64.getDecoder().decode(configured)
                : derivedFrom(accessTokenSigningKey, "accounts CSRF token key"));
    }

    @Bean
    SessionCookies sessionCookies(AccountsProperties properties, CsrfTokens csrfTokens, Clock clock) {
        AccountsProperties.Cookies cookies = properties.cookies();
        return new SessionCookies(new CookieSettings(cookies.secure(), cookies.sameSite(), cookies.accessTokenName(),
                cookies.refreshTokenName(), cookies.csrfTokenName()), csrfTokens, clock);
    }

    @Bean
    @Order(10)
    CsrfProtectionFilter csrfProtectionFilter(AccountsProperties properties, SessionCookies cookies, CsrfTokens csrfTokens,
                                              ProblemResponses problems) {
        return new CsrfProtectionFilter(new HashSet<>(properties.csrf().allowedOrigins()), cookies, csrfTokens, problems);
    }

    @Bean
    SessionHousekeeping sessionHousekeeping(SessionService sessions) {
        return new SessionHousekeeping(sessions);
    }

    /** A key that needs no configuration of its own and lasts exactly as long as the signing key; one per purpose. */
    private static byte[] derivedFrom(ECKey signingKey, String purpose) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(signingKey.toECPrivateKey().getEncoded(), "HmacSHA256"));
            return mac.doFinal(purpose.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException | com.nimbusds.jose.JOSEException e) {
            throw new IllegalStateException("could not derive the " + purpose, e);
        }
    }

    /** Deletes refresh tokens and sign-in failures that can no longer matter. */
    static final class SessionHousekeeping {

        private final SessionService sessions;

        SessionHousekeeping(SessionService sessions) {
            this.sessions = sessions;
        }

        @Scheduled(initialDelayString = "${accounts.sessions.purge-interval:1h}", fixedDelayString = "${accounts.sessions.purge-interval:1h}")
        void purge() {
            Long purged = sessions.purge().onErrorResume(failure -> {
                log.warn("housekeeping could not purge stale sessions this time: {}", failure.getMessage());
                return reactor.core.publisher.Mono.empty();
            }).block();
            if (purged != null && purged > 0) {
                log.info("housekeeping purged {} stale refresh tokens and sign-in failure records", purged);
            }
        }
    }
}
