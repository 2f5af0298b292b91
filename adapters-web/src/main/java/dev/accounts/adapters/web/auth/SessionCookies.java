package dev.accounts.adapters.web.auth;

import dev.accounts.application.port.in.SessionTokens;
import org.springframework.http.HttpCookie;
import org.springframework.http.ResponseCookie;
import org.springframework.http.server.reactive.ServerHttpRequest;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The three cookies of a session. The access token goes everywhere ({@code Path=/}); the refresh token
 * only to {@code /auth}, the one place that needs it; both are HttpOnly, so page scripts never see a
 * token. The CSRF token is readable on purpose: the page echoes it in {@code X-CSRF-Token}.
 */
public final class SessionCookies {

    static final String CSRF_HEADER = "X-CSRF-Token";
    private static final String REFRESH_PATH = "/auth";

    private final CookieSettings settings;
    private final CsrfTokens csrfTokens;
    private final Clock clock;

    public SessionCookies(CookieSettings settings, CsrfTokens csrfTokens, Clock clock) {
        this.settings = settings;
        this.csrfTokens = csrfTokens;
        this.clock = clock;
    }

    List<ResponseCookie> forSession(SessionTokens tokens) {
        Duration sessionLeft = Duration.between(clock.instant(), tokens.sessionExpiresAt());
        return List.of(
                cookie(settings.accessTokenName(), tokens.access().value(), "/", true,
                        Duration.between(clock.instant(), tokens.access().expiresAt())),
                cookie(settings.csrfTokenName(), csrfTokens.issue(tokens.session()), "/", false, sessionLeft),
                cookie(settings.refreshTokenName(), tokens.refresh().value(), REFRESH_PATH, true, sessionLeft));
    }

    List<ResponseCookie> cleared() {
        return List.of(
                cookie(settings.accessTokenName(), "", "/", true, Duration.ZERO),
                cookie(settings.refreshTokenName(), "", REFRESH_PATH, true, Duration.ZERO),
                cookie(settings.csrfTokenName(), "", "/", false, Duration.ZERO));
    }

    String csrfToken(SessionTokens tokens) {
        return csrfTokens.issue(tokens.session());
    }

    Optional<String> accessToken(ServerHttpRequest request) {
        return value(request, settings.accessTokenName());
    }

    Optional<String> refreshToken(ServerHttpRequest request) {
        return value(request, settings.refreshTokenName());
    }

    Optional<String> csrfCookie(ServerHttpRequest request) {
        return value(request, settings.csrfTokenName());
    }

    private static Optional<String> value(ServerHttpRequest request, String name) {
        return Optional.ofNullable(request.getCookies().getFirst(name)).map(HttpCookie::getValue).filter(value -> !value.isBlank());
    }

    /** A lifetime of 899.98 s is announced as 900, not cut to 899. */
    private static Duration wholeSecondsUpTo(Duration lifetime) {
        return lifetime.isNegative() ? Duration.ZERO : Duration.ofSeconds((lifetime.toMillis() + 999) / 1000);
    }

    private ResponseCookie cookie(String name, String value, String path, boolean httpOnly, Duration maxAge) {
        return ResponseCookie.from(name, value)
                .path(path)
                .httpOnly(httpOnly)
                .secure(settings.secure())
                .sameSite(settings.sameSite())
                .maxAge(wholeSecondsUpTo(maxAge))
                .build();
    }
}
