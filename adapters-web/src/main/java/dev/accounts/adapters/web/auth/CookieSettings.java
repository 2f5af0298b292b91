package dev.accounts.adapters.web.auth;

import java.util.Objects;

/**
 * How the session cookies are set.
 *
 * @param secure   {@code Secure} on every cookie; off only for plain-http local development, which also
 *                 drops the {@code __Host-} and {@code __Secure-} name prefixes browsers would then refuse
 * @param sameSite {@code Lax} (default) or {@code Strict}
 */
public record CookieSettings(boolean secure, String sameSite, String accessTokenName, String refreshTokenName, String csrfTokenName) {

    public static final String DEFAULT_ACCESS_TOKEN_NAME = "__Host-access_token";
    public static final String DEFAULT_REFRESH_TOKEN_NAME = "__Secure-refresh_token";
    public static final String DEFAULT_CSRF_TOKEN_NAME = "__Host-csrf_token";

    public CookieSettings {
        Objects.requireNonNull(sameSite, "sameSite");
        if (!sameSite.equals("Lax") && !sameSite.equals("Strict")) {
            throw new IllegalArgumentException("SameSite must be Lax or Strict, not " + sameSite);
        }
        accessTokenName = effectiveName(accessTokenName, secure);
        refreshTokenName = effectiveName(refreshTokenName, secure);
        csrfTokenName = effectiveName(csrfTokenName, secure);
    }

    public static CookieSettings defaults() {
        return new CookieSettings(true, "Lax", DEFAULT_ACCESS_TOKEN_NAME, DEFAULT_REFRESH_TOKEN_NAME, DEFAULT_CSRF_TOKEN_NAME);
    }

    private static String effectiveName(String name, boolean secure) {
        Objects.requireNonNull(name, "cookie name");
        return secure ? name : name.replaceFirst("^__(Host|Secure)-", "");
    }
}
