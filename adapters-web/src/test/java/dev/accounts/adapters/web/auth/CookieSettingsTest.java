package dev.accounts.adapters.web.auth;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class CookieSettingsTest {

    @Test
    void keepsTheSecurePrefixesWhileCookiesAreSecure() {
        CookieSettings settings = CookieSettings.defaults();

        assertThat(settings.accessTokenName()).isEqualTo("__Host-access_token");
        assertThat(settings.refreshTokenName()).isEqualTo("__Secure-refresh_token");
        assertThat(settings.csrfTokenName()).isEqualTo("__Host-csrf_token");
    }

    @Test
    void dropsThePrefixesBrowsersWouldRefuseWithoutSecure() {
        CookieSettings settings = new CookieSettings(false, "Strict", "__Host-access_token", "__Secure-refresh_token", "my_csrf");

        assertThat(settings.accessTokenName()).isEqualTo("access_token");
        assertThat(settings.refreshTokenName()).isEqualTo("refresh_token");
        assertThat(settings.csrfTokenName()).isEqualTo("my_csrf");
    }

    @Test
    void acceptsOnlyLaxOrStrict() {
        assertThatIllegalArgumentException().isThrownBy(() -> new CookieSettings(true, "None", "a", "b", "c"));
    }
}
