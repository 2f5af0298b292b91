package dev.accounts.adapters.web;

import dev.accounts.adapters.web.auth.AccountController;
import dev.accounts.adapters.web.auth.AuthController;
import dev.accounts.adapters.web.auth.SessionCookies;
import dev.accounts.adapters.web.client.ClientAddresses;
import dev.accounts.adapters.web.headers.SecurityHeadersFilter;
import dev.accounts.adapters.web.headers.StrictTransportSecurity;
import dev.accounts.adapters.web.headers.UnreadableAcceptHeader;
import dev.accounts.adapters.web.logging.RequestIdFilter;
import dev.accounts.adapters.web.page.PageRoutes;
import dev.accounts.adapters.web.problem.ProblemResponses;
import dev.accounts.adapters.web.problem.ProblemWriter;
import dev.accounts.adapters.web.problem.WebErrorHandler;
import dev.accounts.adapters.web.registration.UserRegistrationController;
import dev.accounts.application.port.in.ChangePasswordUseCase;
import dev.accounts.application.port.in.DeleteAccountUseCase;
import dev.accounts.application.port.in.GetCurrentUserUseCase;
import dev.accounts.application.port.in.PublishSigningKeysUseCase;
import dev.accounts.application.port.in.RefreshSessionUseCase;
import dev.accounts.application.port.in.RegisterUserUseCase;
import dev.accounts.application.port.in.RequestPasswordResetUseCase;
import dev.accounts.application.port.in.ResendVerificationUseCase;
import dev.accounts.application.port.in.ResetPasswordUseCase;
import dev.accounts.application.port.in.SignInUseCase;
import dev.accounts.application.port.in.SignOutEverywhereUseCase;
import dev.accounts.application.port.in.SignOutUseCase;
import dev.accounts.application.port.in.VerifyEmailUseCase;
import org.springframework.boot.http.codec.CodecCustomizer;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.codec.json.JacksonJsonDecoder;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.type.LogicalType;

import java.util.Optional;

/**
 * The web adapter's own parts: its controllers over the use cases they are given, the browser page, its error handling, and
 * how strictly it reads request bodies. What depends on configuration (cookies, CSRF, rate limits,
 * connection limits) is wired by the application, which hands in the beans these need.
 */
@Configuration(proxyBeanMethods = false)
public class WebAdapterConfiguration {

    /** No request this service understands comes near this size; larger ones are refused with 413. */
    public static final int MAX_REQUEST_BODY_BYTES = 16 * 1024;

    private static final int MAX_JSON_NESTING = 32;

    @Bean
    UserRegistrationController userRegistrationController(RegisterUserUseCase registerUser, ClientAddresses clients) {
        return new UserRegistrationController(registerUser, clients);
    }

    @Bean
    AuthController authController(SignInUseCase signIn, RefreshSessionUseCase refreshSession, SignOutUseCase signOut,
                                  GetCurrentUserUseCase currentUser, PublishSigningKeysUseCase signingKeys, SessionCookies cookies,
                                  ClientAddresses clients) {
        return new AuthController(signIn, refreshSession, signOut, currentUser, signingKeys, cookies, clients);
    }

    @Bean
    AccountController accountController(VerifyEmailUseCase verifyEmail, ResendVerificationUseCase resendVerification,
                                        RequestPasswordResetUseCase requestPasswordReset, ResetPasswordUseCase resetPassword,
                                        ChangePasswordUseCase changePassword, DeleteAccountUseCase deleteAccount,
                                        SignOutEverywhereUseCase signOutEverywhere, SessionCookies cookies, ClientAddresses clients) {
        return new AccountController(verifyEmail, resendVerification, requestPasswordReset, resetPassword, changePassword, deleteAccount,
                signOutEverywhere, cookies, clients);
    }

    /** The page a person uses the service with; it calls the API as any browser front end would. */
    @Bean
    PageRoutes pageRoutes() {
        return new PageRoutes();
    }

    @Bean
    WebErrorHandler webErrorHandler() {
        return new WebErrorHandler();
    }

    @Bean
    ProblemResponses problemResponses(JsonMapper json) {
        return new ProblemResponses(json);
    }

    /** Answers list their fields in the order the records declare them (type, title, status…), not alphabetically. */
    @Bean
    JsonMapperBuilderCustomizer declarationOrderInAnswers() {
        return builder -> builder.disable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY);
    }

    /** First of the filters, so that every log line of a request carries its id (the security headers' filter only sets headers). */
    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    RequestIdFilter requestIdFilter(ClientAddresses clients) {
        return new RequestIdFilter(clients);
    }

    /** Problems answered by controllers and the error handler carry the request's id, as those written by filters do. */
    @Bean
    CodecCustomizer problemsWithTheirRequestId(JsonMapper json) {
        return codecs -> codecs.customCodecs().register(new ProblemWriter(json));
    }

    /** First of the filters, so that answers written by the later ones carry the headers too. */
    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    SecurityHeadersFilter securityHeadersFilter(Optional<StrictTransportSecurity> strictTransportSecurity, ClientAddresses clients) {
        return new SecurityHeadersFilter(strictTransportSecurity, clients);
    }

    /** Before anything reads {@code Accept}: an unreadable one is dropped rather than answered 500. */
    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE + 2)
    UnreadableAcceptHeader unreadableAcceptHeader() {
        return new UnreadableAcceptHeader();
    }

    /** Runs after Spring Boot's own codec customizers, so that its decoder is the one that stays. */
    @Bean
    @Order(Ordered.LOWEST_PRECEDENCE)
    CodecCustomizer strictBoundedJsonRequests() {
        JacksonJsonDecoder decoder = new StrictUtf8JsonDecoder(strictJsonMapper());
        return codecs -> {
            codecs.defaultCodecs().maxInMemorySize(MAX_REQUEST_BODY_BYTES);
            codecs.defaultCodecs().jacksonJsonDecoder(decoder);
        };
    }

    /**
     * Numbers and booleans are not strings, a field given twice is ambiguous and trailing garbage is
     * not JSON: all are refused rather than guessed at. Unknown fields are ignored, as the original
     * service did. Nesting and string sizes are capped so that no body makes the parser work hard.
     */
    static JsonMapper strictJsonMapper() {
        JsonFactory factory = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(MAX_JSON_NESTING)
                        .maxStringLength(MAX_REQUEST_BODY_BYTES)
                        .maxNumberLength(64)
                        .maxNameLength(256)
                        .build())
                .build();
        return JsonMapper.builder(factory)
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .withCoercionConfig(LogicalType.Textual, coercion -> coercion
                        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
                .build();
    }
}
