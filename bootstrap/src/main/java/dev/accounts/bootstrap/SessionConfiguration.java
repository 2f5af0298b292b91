package dev.accounts.bootstrap;

import com.nimbusds.jose.jwk.ECKey;
import dev.accounts.adapters.security.token.HmacRefreshTokenSuccessors;
import dev.accounts.adapters.security.token.JwtAccessTokens;
import dev.accounts.adapters.security.token.SigningKeys;
import dev.accounts.application.port.in.GetCurrentUserUseCase;
import dev.accounts.application.port.in.PublishSigningKeysUseCase;
import dev.accounts.application.port.in.PurgeStaleRecordsUseCase;
import dev.accounts.application.port.in.RefreshSessionUseCase;
import dev.accounts.application.port.in.SignOutUseCase;
import dev.accounts.application.port.out.AccessTokens;
import dev.accounts.application.port.out.Outbox;
import dev.accounts.application.port.out.RefreshTokenSuccessors;
import dev.accounts.application.port.out.SessionRepository;
import dev.accounts.application.port.out.SignInAudit;
import dev.accounts.application.port.out.SignInThrottle;
import dev.accounts.application.port.out.UserRepository;
import dev.accounts.application.service.GetCurrentUserService;
import dev.accounts.application.service.PublishSigningKeysService;
import dev.accounts.application.service.PurgeStaleRecordsService;
import dev.accounts.application.service.RefreshSessionService;
import dev.accounts.application.service.SessionEndings;
import dev.accounts.application.service.SessionIssuer;
import dev.accounts.application.service.SignOutService;
import dev.accounts.bootstrap.observability.UseCaseOutcomes;
import dev.accounts.bootstrap.throughput.RememberingAccessTokens;
import dev.accounts.domain.session.RefreshPolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import reactor.core.publisher.Mono;

import java.time.Clock;

/** Sessions: the signing key and access tokens, refresh, sign-out, the current user, and the purge of what has ended. */
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
        return new RememberingAccessTokens(new JwtAccessTokens(accessTokenSigningKey,
                new JwtAccessTokens.Settings(tokens.issuer(), tokens.audience(), tokens.accessTokenLifetime()), clock), clock);
    }

    /** Every instance shares the signing key, so every instance derives the same successor for a token. */
    @Bean
    RefreshTokenSuccessors refreshTokenSuccessors(ECKey accessTokenSigningKey) {
        return new HmacRefreshTokenSuccessors(SigningKeys.derivedSecret(accessTokenSigningKey, "accounts refresh-token successor key"));
    }

    @Bean
    RefreshPolicy refreshPolicy(AccountsProperties properties) {
        return new RefreshPolicy(properties.sessions().lifetime(), properties.sessions().grace());
    }

    @Bean
    SessionIssuer sessionIssuer(SessionRepository sessions, AccessTokens accessTokens, RefreshPolicy policy, Clock clock) {
        return new SessionIssuer(sessions, accessTokens, policy, clock);
    }

    @Bean
    RefreshSessionUseCase refreshSessionUseCase(SessionRepository sessions, RefreshTokenSuccessors successors, SessionIssuer issuer,
                                                RefreshPolicy policy, SignInAudit audit, UseCaseOutcomes outcomes, Clock clock) {
        return outcomes.counted(new RefreshSessionService(sessions, successors, issuer, policy, audit, clock));
    }

    @Bean
    SessionEndings sessionEndings(SessionRepository sessions, Clock clock) {
        return new SessionEndings(sessions, clock);
    }

    @Bean
    SignOutUseCase signOutUseCase(SessionRepository sessions, AccessTokens accessTokens, SessionEndings endings, Clock clock) {
        return new SignOutService(sessions, accessTokens, endings, clock);
    }

    @Bean
    GetCurrentUserUseCase getCurrentUserUseCase(AccessTokens accessTokens, SessionRepository sessions, UserRepository users, Clock clock) {
        return new GetCurrentUserService(accessTokens, sessions, users, clock);
    }

    @Bean
    PublishSigningKeysUseCase publishSigningKeysUseCase(AccessTokens accessTokens) {
        return new PublishSigningKeysService(accessTokens);
    }

    @Bean
    PurgeStaleRecordsUseCase purgeStaleRecordsUseCase(SessionRepository sessions, SignInThrottle throttle, Outbox outbox, Clock clock) {
        return new PurgeStaleRecordsService(sessions, throttle, outbox, clock);
    }

    @Bean
    Housekeeping housekeeping(PurgeStaleRecordsUseCase purge) {
        return new Housekeeping(purge);
    }

    /** Deletes sessions and sign-in failures that can no longer matter; Spring subscribes to each run. */
    static final class Housekeeping {

        private final PurgeStaleRecordsUseCase purge;

        Housekeeping(PurgeStaleRecordsUseCase purge) {
            this.purge = purge;
        }

        @Scheduled(initialDelayString = "${accounts.sessions.purge-interval:1h}", fixedDelayString = "${accounts.sessions.purge-interval:1h}")
        Mono<Void> purge() {
            return purge.purge()
                    .doOnNext(purged -> {
                        if (purged > 0) {
                            log.info("housekeeping purged {} ended sessions, sign-in failure records and settled messages", purged);
                        }
                    })
                    .onErrorResume(failure -> {
                        log.warn("housekeeping could not purge stale records this time: {}", failure.getMessage());
                        return Mono.empty();
                    })
                    .then();
        }
    }
}
