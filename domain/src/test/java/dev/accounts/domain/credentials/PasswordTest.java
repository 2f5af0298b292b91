package dev.accounts.domain.credentials;

import dev.accounts.domain.validation.Violation;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PasswordTest {

    @Test
    void normalisesComposedAndDecomposedFormsToOne() {
        assertThat(Password.normalise("cafe\u0301")).isEqualTo(Password.normalise("caf\u00e9"));
        assertThat(Password.normalise("ｆｕｌｌｗｉｄｔｈ")).isEqualTo(Password.normalise("fullwidth"));
    }

    @Test
    void countsCodePointsNotUtf16Units() {
        Password emoji = Password.normalise("😀".repeat(15));

        assertThat(emoji.length()).isEqualTo(15);
        assertThat(emoji.utf8Length()).isEqualTo(60);
    }

    @Test
    void spotsLoneSurrogates() {
        assertThat(Password.unusable("abc\uD800def")).map(Violation::code).contains("password.invalid");
        assertThat(Password.unusable("abc\uDC00")).map(Violation::code).contains("password.invalid");
        assertThat(Password.unusable("abc😀")).isEmpty();
    }

    @Test
    void neverPrintsItsText() {
        assertThat(Password.normalise("correct horse battery staple")).hasToString("Password[******]");
        assertThat(new PasswordHash("{argon2}$argon2id$v=19$m=19456")).hasToString("PasswordHash[******]");
    }
}
