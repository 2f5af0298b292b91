package dev.accounts.bootstrap;

import com.nimbusds.jose.jwk.ECKey;
import dev.accounts.adapters.security.token.SigningKeys;
import dev.accounts.adapters.web.WebAdapterConfiguration;
import dev.accounts.adapters.web.auth.CookieSettings;
import dev.accounts.adapters.web.auth.CsrfProtectionFilter;
import dev.accounts.adapters.web.auth.CsrfTokens;
import dev.accounts.adapters.web.auth.SessionCookies;
import dev.accounts.adapters.web.client.ClientAddresses;
import dev.accounts.adapters.web.openapi.ApiDocumentation;
import dev.accounts.adapters.web.openapi.DocumentationOffTheEventLoop;
import dev.accounts.adapters.web.problem.ProblemResponses;
import dev.accounts.adapters.web.ratelimit.ClientBuckets;
import dev.accounts.adapters.web.ratelimit.LocalClientBuckets;
import dev.accounts.adapters.web.ratelimit.RateLimitFilter;
import dev.accounts.adapters.web.ratelimit.RateLimitRule;
import dev.accounts.adapters.web.ratelimit.RedisClientBuckets;
import dev.accounts.adapters.web.headers.StrictTransportSecurity;
import dev.accounts.adapters.web.server.ConnectionGuard;
import dev.accounts.adapters.web.server.ConnectionLimits;
import dev.accounts.adapters.web.server.RetryAfterDiscipline;
import io.lettuce.core.RedisClient;
import io.micrometer.core.instrument.MeterRegistry;
import io.swagger.v3.oas.models.OpenAPI;
import io.lettuce.core.RedisCredentials;
import io.lettuce.core.RedisCredentialsProvider;
import io.lettuce.core.RedisURI;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import reactor.core.scheduler.Schedulers;

import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.HashSet;
import java.util.Map;

/**
 * The web edge: the web adapter's controllers, and what this service's configuration decides around them,
 * namely session cookies and CSRF tokens, per-client rate limits (in memory or in Redis), how client
 * addresses are found behind proxies, connection limits and time-outs, HSTS, and which actuator endpoints
 * answer at all.
 */
@Configuration(proxyBeanMethods = false)
@Import(WebAdapterConfiguration.class)
class WebConfiguration {

    private static final Logger log = LoggerFactory.getLogger(WebConfiguration.class);

    @Bean
    ClientAddresses clientAddresses(AccountsProperties properties) {
        return new ClientAddresses(properties.rateLimit().trustedProxies());
    }

    @Bean(destroyMethod = "shutdown")
    @ConditionalOnExpression("'${spring.data.redis.url:}' != '' or '${spring.data.redis.host:}' != ''")
    RedisClient rateLimitRedisClient(Environment environment) {
        String url = environment.getProperty("spring.data.redis.url", "");
        RedisURI uri = !url.isBlank() ? RedisURI.create(url) : RedisURI.builder()
                .withHost(environment.getProperty("spring.data.redis.host"))
                .withPort(environment.getProperty("spring.data.redis.port", Integer.class, 6379))
                .withDatabase(environment.getProperty("spring.data.redis.database", Integer.class, 0))
                .withSsl(environment.getProperty("spring.data.redis.ssl.enabled", Boolean.class, false))
                .build();
        String password = environment.getProperty("spring.data.redis.password");
        if (password != null && !password.isEmpty()) {
            uri.setCredentialsProvider(RedisCredentialsProvider.from(() -> RedisCredentials.just(null, password)));
        }
        uri.setTimeout(Duration.ofSeconds(1));
        return RedisClient.create(uri);
    }

    @Bean(destroyMethod = "")
    ClientBuckets clientBuckets(ObjectProvider<RedisClient> redis, AccountsProperties properties) {
        RedisClient client = redis.getIfAvailable();
        if (client != null) {
            log.info("Rate-limit buckets live in Redis, shared by every instance.");
            return new RedisClientBuckets(client, Duration.ofSeconds(1));
        }
        return new LocalClientBuckets(properties.rateLimit().maxTrackedClients(), Duration.ofHours(2));
    }

    @Bean
    @Order(20)
    @ConditionalOnProperty(name = "accounts.rate-limit.enabled", havingValue = "true", matchIfMissing = true)
    RateLimitFilter rateLimitFilter(AccountsProperties properties, ClientBuckets buckets, ClientAddresses clients, ProblemResponses problems,
                                    MeterRegistry meters) {
        AccountsProperties.RateLimit limits = properties.rateLimit();
        RateLimitRule mail = rule("mail", limits.mail());
        RateLimitRule password = rule("password", limits.password());
        return new RateLimitFilter(Map.of(
                "/users/register", rule("register", limits.register()),
                "/auth/login", rule("login", limits.login()),
                "/users/verify-email/resend", mail,
                "/auth/password-reset", mail,
                "/auth/password-reset/confirm", password,
                "/users/me/password", password,
                "/users/me", password), buckets, clients, problems, meters);
    }

    @Bean
    ConnectionGuard connectionGuard(AccountsProperties properties, ClientAddresses clients) {
        AccountsProperties.Server server = properties.server();
        return new ConnectionGuard(new ConnectionLimits(server.headerReadTimeout(), server.bodyReadTimeout(), server.maxConnections(),
                server.effectiveMaxConnectionsPerAddress()), clients);
    }

    /** Before anything that reads a body: a held request costs nothing until its time comes. */
    @Bean
    @Order(5)
    RetryAfterDiscipline retryAfterDiscipline(AccountsProperties properties, ClientAddresses clients) {
        return new RetryAfterDiscipline(clients, properties.server().longestRetryAfterHold());
    }

    @Bean
    @ConditionalOnProperty(name = "accounts.hsts.enabled", havingValue = "true", matchIfMissing = true)
    StrictTransportSecurity strictTransportSecurity(AccountsProperties properties) {
        return new StrictTransportSecurity(properties.hsts().maxAge(), properties.hsts().includeSubdomains());
    }

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE + 1)
    OnlyHealthProbes onlyHealthProbes(ProblemResponses problems) {
        return new OnlyHealthProbes(problems);
    }

    @Bean
    CsrfTokens csrfTokens(AccountsProperties properties, ECKey accessTokenSigningKey) {
        String configured = properties.csrf().secret();
        return new CsrfTokens(configured != null && !configured.isBlank()
                ? Base64.getDecoder().decode(configured)
                : SigningKeys.derivedSecret(accessTokenSigningKey, "accounts CSRF token key"));
    }

    @Bean
    SessionCookies sessionCookies(AccountsProperties properties, CsrfTokens csrfTokens, Clock clock) {
        return new SessionCookies(cookieSettings(properties), csrfTokens, clock);
    }

    /** What springdoc builds the document on: its shared parts, with the cookie names as configured. */
    @Bean
    @ConditionalOnProperty(name = "accounts.api-docs.enabled", havingValue = "true", matchIfMissing = true)
    OpenAPI apiDocumentation(AccountsProperties properties) {
        return ApiDocumentation.openApi(cookieSettings(properties));
    }

    @Bean
    @Order(30)
    @ConditionalOnProperty(name = "accounts.api-docs.enabled", havingValue = "true", matchIfMissing = true)
    DocumentationOffTheEventLoop documentationOffTheEventLoop() {
        return new DocumentationOffTheEventLoop(Schedulers.boundedElastic());
    }

    @Bean
    @Order(10)
    CsrfProtectionFilter csrfProtectionFilter(AccountsProperties properties, SessionCookies cookies, CsrfTokens csrfTokens,
                                              ProblemResponses problems) {
        return new CsrfProtectionFilter(new HashSet<>(properties.csrf().allowedOrigins()), cookies, csrfTokens, problems);
    }

    private static CookieSettings cookieSettings(AccountsProperties properties) {
        AccountsProperties.Cookies cookies = properties.cookies();
        return new CookieSettings(cookies.secure(), cookies.sameSite(), cookies.accessTokenName(), cookies.refreshTokenName(),
                cookies.csrfTokenName());
    }

    private static RateLimitRule rule(String name, AccountsProperties.Rule rule) {
        return new RateLimitRule(name, rule.limit(), rule.period(), rule.burst());
    }
}
